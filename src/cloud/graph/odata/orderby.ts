import { compareValues } from "./filter-values.ts";
import { ODataQueryError } from "./odata-error.ts";
import { type PropertyReader, readPath } from "./read-property.ts";

export interface OrderBy {
  /** Property path as written, segments separated by "/". */
  readonly property: string;
  readonly direction: "asc" | "desc";
}

const ORDER_ITEM = /^\s*([A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*)(?:\s+(asc|desc))?\s*$/i;

/** Parses `$orderby=displayName desc, userPrincipalName`; direction keywords are case-insensitive. */
export function parseOrderBy(text: string): OrderBy[] {
  const items: OrderBy[] = [];
  let offset = 0;
  for (const item of text.split(",")) {
    const match = ORDER_ITEM.exec(item);
    const end = offset + item.length;
    if (!match) throw new ODataQueryError(400, "BadRequest", `Syntax error at position ${end} in '${text}'.`);
    const direction = match[2]?.toLowerCase() === "desc" ? "desc" : "asc";
    items.push({ property: match[1]!, direction });
    offset = end + 1;
  }
  return items;
}

/**
 * Comparator for Array.prototype.sort. Strings compare case-insensitively, dates by instant.
 * Nulls sort as the smallest value, as the OData URL conventions define for $orderby: first when
 * ascending, last when descending.
 */
export function compareBy(orderBy: readonly OrderBy[], read: PropertyReader): (a: object, b: object) => number {
  const keys = orderBy.map((item) => ({ path: item.property.split("/"), sign: item.direction === "desc" ? -1 : 1 }));
  return (a, b) => {
    for (const { path, sign } of keys) {
      const order = compareNullsFirst(readPath(a, path, read), readPath(b, path, read));
      if (order !== 0) return order * sign;
    }
    return 0;
  };
}

function compareNullsFirst(left: unknown, right: unknown): number {
  const leftMissing = left === null || left === undefined;
  const rightMissing = right === null || right === undefined;
  if (leftMissing || rightMissing) return Number(rightMissing) - Number(leftMissing);
  return compareValues(left, right) ?? 0;
}
