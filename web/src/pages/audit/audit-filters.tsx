import { Button, Combobox, Dropdown, Field, Input, makeStyles, Option, tokens } from "@fluentui/react-components";
import { type AuditEntry, auditOutcomes } from "../../api/audit.ts";
import { outcomeLabel } from "./outcome-badge.tsx";

/** The filters as typed; the page turns them into a query. */
export interface AuditFilterText {
  readonly action: string;
  readonly outcome: AuditEntry["outcome"] | "";
  readonly actor: string;
  readonly target: string;
  /** As an `<input type="datetime-local">` holds it, in the browser's time zone. */
  readonly since: string;
  readonly until: string;
}

export const noFilters: AuditFilterText = { action: "", outcome: "", actor: "", target: "", since: "", until: "" };

const useStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalM },
  action: { minWidth: "260px" },
});

const anyOutcome = "any";

export function AuditFilters({ value, onChange, actionIds }: { readonly value: AuditFilterText; readonly onChange: (next: AuditFilterText) => void; readonly actionIds: readonly string[] }) {
  const styles = useStyles();
  const set = (patch: Partial<AuditFilterText>) => onChange({ ...value, ...patch });
  const typed = value.action.trim().toLowerCase();
  const suggestions = actionIds.filter((id) => id.includes(typed)).slice(0, 50);
  return (
    <search className={styles.bar} aria-label="Audit filters">
      <Field label="Action" className={styles.action}>
        <Combobox
          freeform
          placeholder="Any action"
          value={value.action}
          selectedOptions={value.action ? [value.action] : []}
          onChange={(event) => set({ action: event.target.value })}
          onOptionSelect={(_, data) => set({ action: data.optionValue ?? "" })}
        >
          {suggestions.map((id) => (
            <Option key={id} value={id}>
              {id}
            </Option>
          ))}
        </Combobox>
      </Field>
      <Field label="Outcome">
        <Dropdown
          value={value.outcome ? outcomeLabel(value.outcome) : "Any outcome"}
          selectedOptions={[value.outcome || anyOutcome]}
          onOptionSelect={(_, data) => set({ outcome: auditOutcomes.find((o) => o === data.optionValue) ?? "" })}
        >
          <Option value={anyOutcome}>Any outcome</Option>
          {auditOutcomes.map((outcome) => (
            <Option key={outcome} value={outcome}>
              {outcomeLabel(outcome)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Actor">
        <Input placeholder="Operator name or id" value={value.actor} maxLength={256} onChange={(_, data) => set({ actor: data.value })} />
      </Field>
      <Field label="Target">
        <Input placeholder="Id or part of its name" value={value.target} maxLength={256} onChange={(_, data) => set({ target: data.value })} />
      </Field>
      <Field label="From">
        <Input type="datetime-local" value={value.since} onChange={(_, data) => set({ since: data.value })} />
      </Field>
      <Field label="Until">
        <Input type="datetime-local" value={value.until} onChange={(_, data) => set({ until: data.value })} />
      </Field>
      <Button onClick={() => onChange(noFilters)} disabled={Object.values(value).every((v) => v === "")}>
        Clear filters
      </Button>
    </search>
  );
}
