import { Dropdown, Field, Input, makeStyles, Option, Text, Textarea, tokens } from "@fluentui/react-components";
import type { FieldValues, TemplateField } from "./template-fields.ts";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(260px, 1fr))", gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`, alignItems: "start" },
  dropdown: { minWidth: "unset" },
  json: { fontFamily: tokens.fontFamilyMonospace },
  muted: { color: tokens.colorNeutralForeground3 },
});

const unset = "";

function hintOf(field: TemplateField): string | undefined {
  if (field.kind === "list") return "One per line.";
  if (field.kind === "json") return field.example ? `As JSON, e.g. ${field.example}` : "As JSON.";
  return undefined;
}

function emptyLabel(field: TemplateField): string {
  if (field.defaultValue !== undefined) return `Default (${field.kind === "yes-no" ? (field.defaultValue ? "yes" : "no") : String(field.defaultValue)})`;
  return field.path.startsWith("changes.") ? "Leave unchanged" : "Not set";
}

function Control({ field, value, onChange }: { readonly field: TemplateField; readonly value: string; readonly onChange: (value: string) => void }) {
  const styles = useStyles();
  if (field.kind === "choice" || field.kind === "yes-no") {
    const options = field.kind === "yes-no" ? [{ value: "yes", label: "Yes" }, { value: "no", label: "No" }] : (field.choices ?? []).map((choice) => ({ value: choice, label: choice }));
    const current = options.find((option) => option.value === value);
    return (
      <Dropdown className={styles.dropdown} value={current?.label ?? emptyLabel(field)} selectedOptions={[value]} onOptionSelect={(_, data) => onChange(data.optionValue ?? unset)}>
        <Option value={unset}>{emptyLabel(field)}</Option>
        {options.map((option) => (
          <Option key={option.value} value={option.value}>
            {option.label}
          </Option>
        ))}
      </Dropdown>
    );
  }
  if (field.kind === "list" || field.kind === "json") {
    return (
      <Textarea
        className={field.kind === "json" ? styles.json : undefined}
        value={value}
        resize="vertical"
        maxLength={65_536}
        placeholder={field.example}
        onChange={(_, data) => onChange(data.value)}
      />
    );
  }
  return (
    <Input
      type={field.kind === "number" ? "number" : "text"}
      value={value}
      maxLength={field.maxLength ?? 1024}
      placeholder={field.kind === "text" && !field.required ? emptyLabel(field) : undefined}
      onChange={(_, data) => onChange(data.value)}
    />
  );
}

/** The action's template, one field per property; an empty field is not sent. */
export function TemplateForm({
  fields,
  values,
  errors,
  onChange,
}: {
  readonly fields: readonly TemplateField[];
  readonly values: FieldValues;
  readonly errors: Readonly<Record<string, string>>;
  readonly onChange: (values: FieldValues) => void;
}) {
  const styles = useStyles();
  if (fields.length === 0) return <Text className={styles.muted}>This action takes nothing but its targets.</Text>;
  return (
    <div className={styles.grid}>
      {fields.map((field) => {
        const error = errors[field.path];
        const hint = hintOf(field);
        return (
          <Field key={field.path} label={field.name} required={field.required} validationMessage={error} validationState={error ? "error" : "none"} {...(hint ? { hint } : {})}>
            <Control field={field} value={values[field.path] ?? ""} onChange={(value) => onChange({ ...values, [field.path]: value })} />
          </Field>
        );
      })}
    </div>
  );
}
