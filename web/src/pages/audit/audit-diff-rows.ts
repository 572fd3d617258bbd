// An audit entry's before and after as one row per property: what it was, what it became, and how.

export type DiffKind = "changed" | "added" | "removed" | "unchanged" | "not-recorded";

export interface DiffRow {
  readonly property: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly kind: DiffKind;
}

type Values = Readonly<Record<string, unknown>>;

const isEmpty = (value: unknown) => value === undefined || value === null;

/** Same JSON value, whatever the order of object keys. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, i) => sameValue(value, b[i]));
  const left = a as Values;
  const right = b as Values;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => sameValue(left[key], right[key]));
}

function kindOf(before: unknown, after: unknown): DiffKind {
  if (sameValue(before, after)) return "unchanged";
  if (isEmpty(before)) return "added";
  if (isEmpty(after)) return "removed";
  return "changed";
}

/**
 * Rows in the order the properties first appear. `after` is null when the entry recorded no outcome (a
 * request, a refusal): its properties are then "not-recorded" rather than removed.
 */
export function diffRows(before: Values | null, after: Values | null): DiffRow[] {
  const properties = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return properties.map((property) => {
    const was = before?.[property];
    const is = after?.[property];
    return { property, before: was, after: is, kind: after === null ? "not-recorded" : kindOf(was, is) };
  });
}

/** A value as a technician reads it: text as is, nothing as "(none)", anything nested as indented JSON. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) return "(none)";
  if (typeof value === "string") return value === "" ? '""' : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value, null, 2);
}

export const isNested = (value: unknown) => typeof value === "object" && value !== null;
