// The template form of a bulk job, read from the catalog action's input (JSON Schema): one field per property
// every item shares, the target property left out (each item fills it in), `changes` opened into its properties.

type Schema = Readonly<Record<string, unknown>>;

/**
 * The properties that name the object an action works on, in the order the bulk API (src/jobs/bulk/bulk-input.ts)
 * picks the one its targets go in.
 */
const targetProperties = ["userId", "memberId", "groupId"] as const;

export type FieldKind = "text" | "choice" | "yes-no" | "number" | "list" | "json";

export interface TemplateField {
  /** Where the value goes in the template: "department" inside changes is "changes.department". */
  readonly path: string;
  readonly name: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  readonly maxLength?: number;
  readonly choices?: readonly string[];
  readonly description?: string;
  /** The action's default when left empty. */
  readonly defaultValue?: unknown;
  /** For a JSON field: a value of the expected shape, as a hint. */
  readonly example?: string;
}

const isSchema = (value: unknown): value is Schema => typeof value === "object" && value !== null && !Array.isArray(value);

function propertiesOf(schema: Schema): Record<string, Schema> {
  const properties = schema.properties;
  if (!isSchema(properties)) return {};
  return Object.fromEntries(Object.entries(properties).filter((entry): entry is [string, Schema] => isSchema(entry[1])));
}

function requiredOf(schema: Schema): readonly string[] {
  return Array.isArray(schema.required) ? schema.required.filter((name): name is string => typeof name === "string") : [];
}

/** A nullable property ("x or null") read as its non-null part: leaving it empty leaves it unchanged. */
function withoutNull(schema: Schema): Schema {
  const options = Array.isArray(schema.anyOf) ? schema.anyOf.filter(isSchema) : undefined;
  if (!options) return schema;
  const rest = options.filter((option) => option.type !== "null");
  return rest.length === 1 ? { ...rest[0], ...(schema.description ? { description: schema.description } : {}), ...("default" in schema ? { default: schema.default } : {}) } : schema;
}

function allStrings(schema: Schema): boolean {
  if (schema.type === "string") return true;
  return Array.isArray(schema.anyOf) && schema.anyOf.length > 0 && schema.anyOf.every((option) => isSchema(option) && option.type === "string");
}

function maxLengthOf(schema: Schema): number | undefined {
  if (typeof schema.maxLength === "number") return schema.maxLength;
  if (!Array.isArray(schema.anyOf)) return undefined;
  const lengths = schema.anyOf.map((option) => (isSchema(option) && typeof option.maxLength === "number" ? option.maxLength : undefined));
  return lengths.every((length) => length !== undefined) ? Math.max(...(lengths as number[])) : undefined;
}

function fieldOf(path: string, name: string, raw: Schema, required: boolean): TemplateField {
  const schema = withoutNull(raw);
  const base = {
    path,
    name,
    required,
    ...(typeof schema.description === "string" ? { description: schema.description } : {}),
    ...("default" in schema ? { defaultValue: schema.default } : {}),
  };
  if (Array.isArray(schema.enum) && schema.enum.every((choice) => typeof choice === "string")) return { ...base, kind: "choice", choices: schema.enum as string[] };
  if (schema.type === "boolean") return { ...base, kind: "yes-no" };
  if (schema.type === "integer" || schema.type === "number") return { ...base, kind: "number" };
  if (schema.type === "array" && isSchema(schema.items) && allStrings(schema.items)) {
    const maxLength = maxLengthOf(schema.items);
    return { ...base, kind: "list", ...(maxLength ? { maxLength } : {}) };
  }
  if (allStrings(schema)) {
    const maxLength = maxLengthOf(schema);
    return { ...base, kind: "text", ...(maxLength ? { maxLength } : {}) };
  }
  return { ...base, kind: "json", example: JSON.stringify(exampleOf(schema)) };
}

/** A value of the schema's shape: its required properties (or all), one item of an array. */
function exampleOf(schema: Schema): unknown {
  const options = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : undefined;
  if (options) return isSchema(options[0]) ? exampleOf(options[0]) : null;
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.type === "array") return isSchema(schema.items) ? [exampleOf(schema.items)] : [];
  if (schema.type === "object") {
    const properties = propertiesOf(schema);
    const required = requiredOf(schema);
    const shown = required.length > 0 ? required : Object.keys(properties);
    return Object.fromEntries(shown.map((name) => [name, properties[name] ? exampleOf(properties[name]) : null]));
  }
  if (schema.type === "boolean") return false;
  if (schema.type === "integer" || schema.type === "number") return 0;
  return "…";
}

/** The property each item's target goes in, or undefined when the action does not act on an existing user or group. */
export function targetPropertyOf(input: Schema): string | undefined {
  const properties = propertiesOf(input);
  return targetProperties.find((name) => name in properties);
}

/** The fields of the template, in the schema's order. */
export function templateFields(input: Schema): TemplateField[] {
  const target = targetPropertyOf(input);
  const required = requiredOf(input);
  const fields: TemplateField[] = [];
  for (const [name, schema] of Object.entries(propertiesOf(input))) {
    if (name === target) continue;
    const nested = name === "changes" ? propertiesOf(schema) : undefined;
    if (nested && Object.keys(nested).length > 0) {
      const nestedRequired = requiredOf(schema);
      for (const [inner, innerSchema] of Object.entries(nested)) fields.push(fieldOf(`changes.${inner}`, inner, innerSchema, nestedRequired.includes(inner)));
    } else {
      fields.push(fieldOf(name, name, schema, required.includes(name)));
    }
  }
  return fields;
}

/** What a field holds as typed: text for most, lines for lists, JSON text for the rest. */
export type FieldValues = Readonly<Record<string, string>>;

export class TemplateFieldError extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(message);
    this.path = path;
  }
}

function fieldValue(field: TemplateField, text: string): unknown {
  switch (field.kind) {
    case "yes-no":
      return text === "yes";
    case "number": {
      const number = Number(text);
      if (!Number.isFinite(number)) throw new TemplateFieldError(field.path, "Not a number.");
      return number;
    }
    case "list":
      return text
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "");
    case "json":
      try {
        return JSON.parse(text);
      } catch {
        throw new TemplateFieldError(field.path, "Not JSON; write a JSON value, e.g. [\"a\", \"b\"] or {\"key\": \"value\"}.");
      }
    default:
      return text;
  }
}

/**
 * The template the API is sent: only the fields given (an empty field leaves the property as the action's
 * default, or unchanged); a field that cannot be read throws TemplateFieldError naming it.
 */
export function templateOf(fields: readonly TemplateField[], values: FieldValues): Record<string, unknown> {
  const template: Record<string, unknown> = {};
  const changes: Record<string, unknown> = {};
  for (const field of fields) {
    const text = values[field.path] ?? "";
    if (text.trim() === "") {
      if (field.required && field.defaultValue === undefined) throw new TemplateFieldError(field.path, "Required: every item needs it.");
      continue;
    }
    const value = fieldValue(field, text.trim());
    if (field.path.startsWith("changes.")) changes[field.name] = value;
    else template[field.path] = value;
  }
  if (fields.some((field) => field.path.startsWith("changes."))) template.changes = changes;
  return template;
}
