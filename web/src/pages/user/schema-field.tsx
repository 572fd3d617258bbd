import { Button, Dropdown, Field, Input, makeStyles, Option, Switch, tokens } from "@fluentui/react-components";
import { AddRegular, DismissRegular, LockClosedRegular } from "@fluentui/react-icons";
import type { FieldSpec, FieldValue } from "./schema-fields.ts";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, border: "none", padding: 0, margin: 0, minWidth: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  grow: { flexGrow: 1 },
  add: { alignSelf: "flex-start" },
});

export interface SchemaFieldProps {
  readonly field: FieldSpec;
  readonly value: FieldValue;
  readonly onChange: (value: FieldValue) => void;
  /** Why the field cannot be changed here; shown beside it. */
  readonly readOnlyReason?: string | undefined;
  /** Tenantry's answer about this field, from the last submit. */
  readonly error?: string | undefined;
}

function ListEditor({ field, value, onChange, readOnly }: { field: Extract<FieldSpec, { kind: "list" }>; value: readonly string[]; onChange: (value: FieldValue) => void; readOnly: boolean }) {
  const styles = useStyles();
  const full = field.maxItems !== undefined && value.length >= field.maxItems;
  return (
    <fieldset className={styles.list} aria-label={field.label}>
      {value.map((entry, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: entries are edited in place; their position is their identity
        <div className={styles.row} key={index}>
          <Input
            className={styles.grow}
            aria-label={`${field.label} ${index + 1}`}
            type={field.inputType}
            value={entry}
            readOnly={readOnly}
            {...(readOnly ? { contentAfter: <LockClosedRegular aria-hidden /> } : {})}
            {...(field.maxLength ? { maxLength: field.maxLength } : {})}
            onChange={(_, data) => onChange(value.map((v, i) => (i === index ? data.value : v)))}
          />
          <Button appearance="subtle" icon={<DismissRegular />} aria-label={`Remove ${field.label.toLowerCase()} ${index + 1}`} disabled={readOnly} onClick={() => onChange(value.filter((_, i) => i !== index))} />
        </div>
      ))}
      <Button className={styles.add} size="small" icon={<AddRegular />} disabled={readOnly || full} onClick={() => onChange([...value, ""])}>
        Add {field.label.toLowerCase()}
      </Button>
    </fieldset>
  );
}

/** One property of an action's `changes`, drawn by its JSON Schema type. */
export function SchemaField({ field, value, onChange, readOnlyReason, error }: SchemaFieldProps) {
  const readOnly = readOnlyReason !== undefined;
  const fieldProps = {
    label: field.label,
    ...(error ? { validationState: "error" as const, validationMessage: error } : {}),
    ...(readOnlyReason ? { hint: readOnlyReason } : {}),
  };
  if (field.kind === "switch") {
    return (
      <Field {...fieldProps}>
        <Switch checked={value === true} disabled={readOnly} onChange={(_, data) => onChange(data.checked)} />
      </Field>
    );
  }
  if (field.kind === "choice") {
    const options = field.nullable ? ["", ...field.options] : field.options;
    return (
      <Field {...fieldProps}>
        <Dropdown value={String(value) || "(none)"} selectedOptions={[String(value)]} disabled={readOnly} onOptionSelect={(_, data) => onChange(data.optionValue ?? "")}>
          {options.map((option) => (
            <Option key={option} value={option}>
              {option || "(none)"}
            </Option>
          ))}
        </Dropdown>
      </Field>
    );
  }
  if (field.kind === "list") {
    return (
      <Field {...fieldProps}>
        <ListEditor field={field} value={Array.isArray(value) ? value : []} onChange={onChange} readOnly={readOnly} />
      </Field>
    );
  }
  return (
    <Field {...fieldProps}>
      <Input type={field.inputType} value={String(value)} readOnly={readOnly} {...(readOnly ? { contentAfter: <LockClosedRegular aria-hidden /> } : {})} {...(field.maxLength ? { maxLength: field.maxLength } : {})} onChange={(_, data) => onChange(data.value)} />
    </Field>
  );
}
