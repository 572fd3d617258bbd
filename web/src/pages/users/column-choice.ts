// Which columns of the users table the operator shows, kept in this browser.
import { useCallback, useMemo, useState } from "react";
import { type UserColumn, userColumns } from "./users-columns.ts";

const storageKey = "tenantry.users.columns";

function storedChoice(): readonly string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey) ?? "null");
    if (Array.isArray(parsed) && parsed.every((id) => typeof id === "string")) return parsed;
  } catch {
    // A choice that cannot be read is the same as none.
  }
  return userColumns.filter((c) => c.shownByDefault).map((c) => c.id);
}

export function useColumnChoice(): { readonly shown: readonly UserColumn[]; readonly shownIds: readonly string[]; readonly choose: (ids: readonly string[]) => void } {
  const [chosen, setChosen] = useState(storedChoice);
  const shown = useMemo(() => userColumns.filter((c) => c.required || chosen.includes(c.id)), [chosen]);
  const choose = useCallback((ids: readonly string[]) => {
    const next = userColumns.filter((c) => c.required || ids.includes(c.id)).map((c) => c.id);
    localStorage.setItem(storageKey, JSON.stringify(next));
    setChosen(next);
  }, []);
  const shownIds = useMemo(() => shown.map((c) => c.id), [shown]);
  return { shown, shownIds, choose };
}
