// The fields of an action's `changes`, read from its input's JSON Schema (GET /api/actions): the form is
// generated from these, never from a list of its own.

/** The part of JSON Schema the catalog's inputs use. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly format?: string;
  readonly maxLength?: number;
  readonly maxItems?: number;
  readonly items?: JsonSchema;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
}

interface FieldBase {
  readonly name: string;
  readonly label: string;
  /** null clears the property. */
  readonly nullable: boolean;
}

export type FieldSpec =
  | (FieldBase & { readonly kind: "text"; readonly maxLength?: number; readonly inputType: "text" | "email" })
  | (FieldBase & { readonly kind: "choice"; readonly options: readonly string[] })
  | (FieldBase & { readonly kind: "switch" })
  | (FieldBase & { readonly kind: "list"; readonly maxItems?: number; readonly maxLength?: number; readonly inputType: "text" | "email" });

export type FieldValue = string | boolean | readonly string[];

/** "jobTitle" -> "Job title". */
export function labelOf(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The schema without its null choice, and whether it had one. */
function withoutNull(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const choices = schema.anyOf ?? schema.oneOf;
  if (!choices) return { schema, nullable: schema.type === "null" };
  const rest = choices.filter((choice) => choice.type !== "null");
  const nullable = rest.length < choices.length;
  return { schema: rest.length === 1 ? rest[0]! : { anyOf: rest }, nullable };
}

const stringsOf = (schema: JsonSchema): JsonSchema[] => (schema.anyOf ?? schema.oneOf ?? [schema]).filter((s) => s.type === "string");

function fieldOf(name: string, property: JsonSchema): FieldSpec | undefined {
  const { schema, nullable } = withoutNull(property);
  const base = { name, label: labelOf(name), nullable };
  if (schema.enum?.every((v) => typeof v === "string")) return { ...base, kind: "choice", options: schema.enum as string[] };
  if (schema.type === "boolean") return { ...base, kind: "switch" };
  if (schema.type === "array" && schema.items?.type === "string") {
    return { ...base, kind: "list", ...(schema.maxItems ? { maxItems: schema.maxItems } : {}), ...(schema.items.maxLength ? { maxLength: schema.items.maxLength } : {}), inputType: schema.items.format === "email" ? "email" : "text" };
  }
  const strings = stringsOf(schema);
  if (strings.length === 0) return undefined;
  const lengths = strings.map((s) => s.maxLength).filter((n): n is number => n !== undefined);
  const maxLength = lengths.length === strings.length ? Math.max(...lengths) : undefined;
  return { ...base, kind: "text", ...(maxLength ? { maxLength } : {}), inputType: strings.every((s) => s.format === "email") ? "email" : "text" };
}

/** The fields of the input's `changes` object, in the catalog's order; properties of another shape are left to their own controls. */
export function changeFieldsOf(input: Readonly<Record<string, unknown>>, leaveOut: readonly string[] = []): FieldSpec[] {
  const changes = (input as JsonSchema).properties?.changes;
  return Object.entries(changes?.properties ?? {})
    .filter(([name]) => !leaveOut.includes(name))
    .map(([name, schema]) => fieldOf(name, schema))
    .filter((field): field is FieldSpec => field !== undefined);
}

/** The form's value of a field, from the user as users.get read it. */
export function initialValue(field: FieldSpec, current: unknown): FieldValue {
  if (field.kind === "switch") return current === true;
  if (field.kind === "list") return Array.isArray(current) ? current.filter((v): v is string => typeof v === "string") : [];
  return typeof current === "string" ? current : "";
}

function listOf(value: FieldValue): string[] {
  return Array.isArray(value) ? value.map((v) => v.trim()).filter((v) => v.length > 0) : [];
}

/** The value to send for a field the operator changed, or undefined when it is unchanged. */
export function changedValue(field: FieldSpec, value: FieldValue, initial: FieldValue): unknown {
  if (field.kind === "switch") return value === initial ? undefined : value;
  if (field.kind === "list") {
    const next = listOf(value);
    return JSON.stringify(next) === JSON.stringify(listOf(initial)) ? undefined : next;
  }
  const text = String(value).trim();
  if (text === String(initial).trim()) return undefined;
  return text === "" && field.nullable ? null : text;
}
