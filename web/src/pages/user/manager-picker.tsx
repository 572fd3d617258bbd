import { Button, Combobox, Field, makeStyles, Option, Text, tokens } from "@fluentui/react-components";
import { DismissRegular, PersonRegular } from "@fluentui/react-icons";
import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { api, withQuery } from "../../api/api-client.ts";
import { accepted, type RunOutcome, runAction } from "../../api/user-action-run.ts";
import type { UserDetails } from "../../api/user-details.ts";
import type { UserRow } from "../../api/users-search.ts";
import { OutcomeBar } from "./outcome-bar.tsx";

const useStyles = makeStyles({
  picker: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS },
});

/** Users of the same tenant whose name starts with or contains the text, from the directory cache. */
function useTenantUsers(tenant: string, text: string) {
  const q = text.trim();
  return useQuery({
    queryKey: ["manager-candidates", tenant, q],
    queryFn: ({ signal }) => api<{ value: UserRow[] }>("GET", withQuery("/api/users/search", { tenant, q, limit: 10 }), { signal }),
    enabled: q.length > 0,
    staleTime: 30_000,
  });
}

const labelOf = (row: { displayName: string | null; userPrincipalName: string | null }) => (row.displayName ? `${row.displayName} (${row.userPrincipalName})` : (row.userPrincipalName ?? ""));

export interface ManagerPickerProps {
  readonly tenant: string;
  readonly user: UserDetails;
  /** The catalog action that sets the manager (users.update-properties, property `manager`). */
  readonly action: { readonly id: string; readonly title: string };
  readonly readOnlyReason: string | undefined;
  readonly onChanged: () => void;
}

/** The user's manager: search the same tenant, set it, or clear it. */
export function ManagerPicker({ tenant, user, action, readOnlyReason, onChanged }: ManagerPickerProps) {
  const styles = useStyles();
  const [text, setText] = useState("");
  const [chosen, setChosen] = useState<UserRow>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<RunOutcome>();
  const searched = useDeferredValue(text);
  const candidates = useTenantUsers(tenant, searched);
  // Until the list answers what was typed, it may show the users of a shorter text.
  const searching = text !== searched || candidates.isFetching;
  const options = (candidates.data?.value ?? []).filter((row) => row.id !== user.id && row.deletedAt === null);
  const readOnly = readOnlyReason !== undefined;

  async function setManager(manager: string | null) {
    setBusy(true);
    const answer = await runAction(tenant, action, { userId: user.id, changes: { manager } });
    setBusy(false);
    setOutcome(answer.outcome);
    if (accepted(answer.outcome)) {
      setChosen(undefined);
      setText("");
      onChanged();
    }
  }

  const error = outcome?.field === "manager" ? outcome.message : undefined;
  return (
    <div className={styles.picker}>
      <Text>
        <PersonRegular /> {user.manager ? labelOf(user.manager) : "No manager"}
      </Text>
      <Field label="New manager" {...(error ? { validationState: "error" as const, validationMessage: error } : readOnlyReason ? { hint: readOnlyReason } : { hint: "Type the start of a name or user name in this tenant." })}>
        <Combobox
          freeform
          aria-busy={searching}
          disabled={readOnly}
          placeholder="Search this tenant"
          value={text}
          selectedOptions={chosen ? [chosen.id] : []}
          onChange={(event) => {
            setText(event.target.value);
            setChosen(undefined);
          }}
          onOptionSelect={(_, data) => {
            const row = options.find((o) => o.id === data.optionValue);
            setChosen(row);
            if (row) setText(labelOf(row));
          }}
        >
          {options.map((row) => (
            <Option key={row.id} value={row.id} text={labelOf(row)}>
              {labelOf(row)}
            </Option>
          ))}
          {text.trim() && candidates.isSuccess && options.length === 0 ? <Option disabled value="" text="">No user found</Option> : null}
        </Combobox>
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={readOnly || busy || !chosen} onClick={() => chosen && void setManager(chosen.id)}>
          Set manager
        </Button>
        <Button icon={<DismissRegular />} disabled={readOnly || busy || !user.manager} onClick={() => void setManager(null)}>
          Remove manager
        </Button>
      </div>
      <OutcomeBar outcome={outcome} />
    </div>
  );
}
