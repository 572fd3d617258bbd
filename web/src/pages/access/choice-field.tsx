import { Dropdown, Field, Option } from "@fluentui/react-components";

export interface Choice {
  readonly value: string;
  /** What the closed dropdown shows once chosen. */
  readonly text: string;
  /** What the option shows, when more than its text. */
  readonly label?: string;
}

interface ChoiceFieldProps {
  readonly label: string;
  readonly placeholder: string;
  readonly choices: readonly Choice[];
  readonly selected: string;
  readonly choose: (value: string) => void;
  readonly error?: string | undefined;
  readonly hint?: string | undefined;
}

/** A required, labelled choice of one value, with the API's message for it underneath. */
export function ChoiceField({ label, placeholder, choices, selected, choose, error, hint }: ChoiceFieldProps) {
  const chosen = choices.find((c) => c.value === selected);
  return (
    <Field label={label} required hint={hint} validationMessage={error} validationState={error ? "error" : "none"}>
      <Dropdown placeholder={placeholder} value={chosen?.text ?? ""} selectedOptions={selected ? [selected] : []} onOptionSelect={(_, data) => choose(data.optionValue ?? "")}>
        {choices.map((c) => (
          <Option key={c.value} value={c.value} text={c.text}>
            {c.label ?? c.text}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
