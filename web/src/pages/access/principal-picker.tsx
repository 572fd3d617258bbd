import { Combobox, Field, makeStyles, Option, Radio, RadioGroup, tokens } from "@fluentui/react-components";
import { useRoleAssignments } from "../../api/access-assignments.ts";
import { useOperators } from "../../api/access-operators.ts";
import type { AssignmentDraft, PrincipalKind } from "./assignment-draft.ts";
import { ChoiceField } from "./choice-field.tsx";

const useStyles = makeStyles({
  picker: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

interface PrincipalPickerProps {
  readonly draft: AssignmentDraft;
  readonly change: (patch: Partial<AssignmentDraft>) => void;
  readonly error: string | undefined;
}

/** The Entra groups Tenantry has met: in assignments, and in operators' sign-ins. */
function useKnownGroups(): string[] {
  const assignments = useRoleAssignments();
  const operators = useOperators();
  const ids = new Set<string>();
  for (const a of assignments.data ?? []) if (a.principal.kind === "group") ids.add(a.principal.id);
  for (const o of operators.data ?? []) for (const id of o.groupIds) ids.add(id);
  return [...ids].sort();
}

export function PrincipalPicker({ draft, change, error }: PrincipalPickerProps) {
  const styles = useStyles();
  const operators = useOperators();
  const groups = useKnownGroups();
  return (
    <div className={styles.picker}>
      <Field label="Assign to">
        <RadioGroup layout="horizontal" value={draft.principalKind} onChange={(_, data) => change({ principalKind: data.value as PrincipalKind })}>
          <Radio value="operator" label="An operator" />
          <Radio value="group" label="An Entra group of our tenant" />
        </RadioGroup>
      </Field>
      {draft.principalKind === "operator" ? (
        <ChoiceField
          label="Operator"
          placeholder="Choose an operator"
          choices={(operators.data ?? []).map((o) => ({ value: o.id, text: o.userPrincipalName, label: o.displayName ? `${o.userPrincipalName} (${o.displayName})` : o.userPrincipalName }))}
          selected={draft.operator}
          choose={(operator) => change({ operator })}
          error={error}
        />
      ) : (
        <Field label="Entra group object id" required hint="A security group of the tenant operators sign in from; members get the role when they next sign in." validationMessage={error} validationState={error ? "error" : "none"}>
          <Combobox
            freeform
            placeholder="00000000-0000-0000-0000-000000000000"
            value={draft.group}
            onChange={(event) => change({ group: event.target.value.slice(0, 64) })}
            onOptionSelect={(_, data) => change({ group: data.optionValue ?? "" })}
          >
            {groups.map((id) => (
              <Option key={id} value={id}>
                {id}
              </Option>
            ))}
          </Combobox>
        </Field>
      )}
    </div>
  );
}
