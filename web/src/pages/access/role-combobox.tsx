import { Combobox, Field, Option, OptionGroup } from "@fluentui/react-components";
import { useState } from "react";
import { type RoleSummary, useRoles } from "../../api/access-roles.ts";

const kindTitles: readonly [RoleSummary["kind"], string][] = [
  ["platform", "Tenantry platform roles"],
  ["custom", "Custom roles"],
  ["entra", "Entra built-in roles"],
];

interface RoleComboboxProps {
  readonly role: string;
  readonly change: (role: RoleSummary | undefined) => void;
  readonly error: string | undefined;
}

/** Any role an assignment may name, found by typing part of its name. */
export function RoleCombobox({ role, change, error }: RoleComboboxProps) {
  const roles = useRoles();
  const [query, setQuery] = useState("");
  const chosen = roles.data?.find((r) => r.id === role);
  const typed = query.trim().toLowerCase();
  // Once a role is chosen its name is the text: every role is offered again.
  const matching = (roles.data ?? []).filter((r) => !typed || chosen?.name === query || r.name.toLowerCase().includes(typed)).sort((a, b) => a.name.localeCompare(b.name));
  const loadError = roles.error ? `The roles could not be loaded: ${roles.error.message}` : undefined;
  const message = error ?? loadError;
  return (
    <Field label="Role" required validationMessage={message} validationState={message ? "error" : "none"} hint={chosen?.description ?? undefined}>
      <Combobox
        placeholder="Type to search the roles"
        value={query}
        selectedOptions={role ? [role] : []}
        onChange={(event) => {
          setQuery(event.target.value.slice(0, 128));
          if (chosen) change(undefined);
        }}
        onOptionSelect={(_, data) => {
          const picked = roles.data?.find((r) => r.id === data.optionValue);
          setQuery(picked?.name ?? "");
          change(picked);
        }}
      >
        {kindTitles.map(([kind, title]) => {
          const ofKind = matching.filter((r) => r.kind === kind);
          if (ofKind.length === 0) return null;
          return (
            <OptionGroup key={kind} label={title}>
              {ofKind.map((r) => (
                <Option key={r.id} value={r.id} text={r.name}>
                  {r.name}
                </Option>
              ))}
            </OptionGroup>
          );
        })}
        {matching.length === 0 ? (
          <Option value="" text="" disabled>
            {roles.isPending ? "Loading the roles…" : "No role has that in its name"}
          </Option>
        ) : null}
      </Combobox>
    </Field>
  );
}
