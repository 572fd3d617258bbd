import type { LiteralType } from "./filter-ast.ts";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Orders two values the way Entra compares them: strings and GUIDs case-insensitively, dates by
 * instant, numbers and booleans naturally. `hint` is the type of the literal on the other side,
 * which decides how the record's value is read (an ISO string compared with a date literal is a date).
 * Returns undefined when either side is null or the two cannot be compared.
 */
export function compareValues(left: unknown, right: unknown, hint?: LiteralType): number | undefined {
  if (left === null || left === undefined || right === null || right === undefined) return undefined;
  const kind = hint ?? inferKind(left, right);
  switch (kind) {
    case "date":
    case "dateTimeOffset":
      return order(toEpoch(left), toEpoch(right));
    case "number":
      return typeof left === "number" && typeof right === "number" ? order(left, right) : undefined;
    case "boolean":
      return typeof left === "boolean" && typeof right === "boolean" ? order(Number(left), Number(right)) : undefined;
    case "string":
    case "guid":
      return typeof left === "string" && typeof right === "string"
        ? order(left.toLowerCase(), right.toLowerCase())
        : undefined;
    default:
      return undefined;
  }
}

/** OData equality: null equals only null; otherwise the values must compare as equal. */
export function valuesEqual(left: unknown, right: unknown, hint?: LiteralType): boolean {
  const leftMissing = left === null || left === undefined;
  const rightMissing = right === null || right === undefined;
  if (leftMissing || rightMissing) return leftMissing && rightMissing;
  return compareValues(left, right, hint) === 0;
}

function inferKind(left: unknown, right: unknown): LiteralType | undefined {
  if (isDateLike(left) && isDateLike(right)) return "dateTimeOffset";
  if (typeof left !== typeof right) return undefined;
  if (typeof left === "string") return "string";
  if (typeof left === "number") return "number";
  if (typeof left === "boolean") return "boolean";
  return undefined;
}

function isDateLike(value: unknown): boolean {
  return value instanceof Date || (typeof value === "string" && ISO_DATE.test(value));
}

function toEpoch(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value !== "string") return undefined;
  const epoch = Date.parse(value);
  return Number.isNaN(epoch) ? undefined : epoch;
}

function order<T extends number | string>(left: T | undefined, right: T | undefined): number | undefined {
  if (left === undefined || right === undefined) return undefined;
  if (left < right) return -1;
  return left > right ? 1 : 0;
}
