import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { ArrowUndoRegular, SaveRegular } from "@fluentui/react-icons";
import { type FormEvent, useState } from "react";
import { accepted, type RunOutcome, runAction } from "../../api/user-action-run.ts";
import type { CatalogAction } from "../../api/catalog.ts";
import type { UserDetails } from "../../api/user-details.ts";
import { OutcomeBar } from "./outcome-bar.tsx";
import { SchemaField } from "./schema-field.tsx";
import { changedValue, changeFieldsOf, type FieldValue, initialValue } from "./schema-fields.ts";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  fields: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(240px, 1fr))", gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS },
  refusal: { color: tokens.colorNeutralForeground3 },
});

export interface ChangesFormProps {
  readonly tenant: string;
  readonly user: UserDetails;
  /** The catalog action whose `changes` the form edits. */
  readonly action: CatalogAction;
  /** The form's accessible name. */
  readonly name: string;
  /** Properties that have controls of their own (the manager). */
  readonly leaveOut?: readonly string[];
  /** Why none of the properties may change here (a sentence of its own): said once, every field read-only. */
  readonly refusal?: string | undefined;
  /** Why this property may not change here, when others may. */
  readonly readOnlyReason: (property: string) => string | undefined;
  readonly onChanged: () => void;
}

/** A form generated from an action's input schema, pre-filled from the user; it sends only what changed. */
export function ChangesForm({ tenant, user, action, name, leaveOut = [], refusal, readOnlyReason, onChanged }: ChangesFormProps) {
  const styles = useStyles();
  const fields = changeFieldsOf(action.input, leaveOut);
  const initial: Record<string, FieldValue> = Object.fromEntries(fields.map((field) => [field.name, initialValue(field, user[field.name])]));
  const initialKey = JSON.stringify(initial);
  const [form, setForm] = useState({ key: initialKey, values: initial });
  const [outcome, setOutcome] = useState<RunOutcome>();
  const [saving, setSaving] = useState(false);
  // The user was read again (after a change): the form starts from what Graph now holds.
  if (form.key !== initialKey) setForm({ key: initialKey, values: initial });

  const changes = Object.fromEntries(
    fields.flatMap((field) => {
      const value = changedValue(field, form.values[field.name] ?? initial[field.name]!, initial[field.name]!);
      return value === undefined ? [] : [[field.name, value]];
    }),
  );
  const changed = Object.keys(changes).length > 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!changed || saving) return;
    setSaving(true);
    const answer = await runAction(tenant, action, { userId: user.id, changes });
    setSaving(false);
    setOutcome(answer.outcome);
    if (accepted(answer.outcome)) onChanged();
  }

  // Tenantry's message names the field ("changes.jobTitle: ..."); beside the field, the reason is enough.
  const errorOf = (property: string) => (outcome?.field === property || outcome?.field?.startsWith(`${property}.`) ? outcome.message.replace(/^[\w.]+: /, "") : undefined);
  return (
    <form className={styles.form} aria-label={name} noValidate onSubmit={(event) => void submit(event)}>
      {refusal ? <Text className={styles.refusal}>{refusal}</Text> : null}
      <div className={styles.fields}>
        {fields.map((field) => (
          <SchemaField
            key={field.name}
            field={field}
            value={form.values[field.name] ?? initial[field.name]!}
            readOnlyReason={refusal ? "" : readOnlyReason(field.name)}
            error={errorOf(field.name)}
            onChange={(value) => setForm((current) => ({ ...current, values: { ...current.values, [field.name]: value } }))}
          />
        ))}
      </div>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" icon={<SaveRegular />} disabled={!changed || saving || refusal !== undefined}>
          {saving ? "Saving…" : "Save"}
        </Button>
        <Button icon={<ArrowUndoRegular />} disabled={!changed || saving} onClick={() => {
            setForm({ key: initialKey, values: initial });
            setOutcome(undefined);
          }}
        >
          Undo changes
        </Button>
      </div>
      <OutcomeBar outcome={outcome} />
    </form>
  );
}
