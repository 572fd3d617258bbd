import { ODataQueryError } from "./odata-error.ts";
import { readIgnoringCase } from "./read-property.ts";

/**
 * Parses $select into canonical property names. Names match `known` case-insensitively, as Graph
 * does (`$select=proxyaddresses` works); blanks between commas are skipped and repeats dropped.
 * Undefined or blank text means no $select.
 */
export function parseSelect(
  text: string | undefined,
  known: ReadonlySet<string>,
  typeName = "microsoft.graph.user",
): string[] | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  const canonical = new Map<string, string>();
  for (const name of known) canonical.set(name.toLowerCase(), name);
  const selected: string[] = [];
  for (const raw of text.split(",")) {
    const name = raw.trim();
    if (name === "") continue;
    const property = canonical.get(name.toLowerCase());
    if (property === undefined) {
      throw new ODataQueryError(
        400,
        "Request_UnsupportedQuery",
        `Could not find a property named '${name}' on type '${typeName}'.`,
      );
    }
    if (!selected.includes(property)) selected.push(property);
  }
  return selected;
}

/**
 * Shapes a record for the response: the selected properties in $select order, or `defaults`
 * without $select. A property the record lacks is returned as null, as Graph does. Graph does not
 * add `id` to an explicit $select (`$select=displayName` returns only displayName); the user
 * default set starts with it.
 */
export function applySelect(
  record: Record<string, unknown>,
  select: string[] | undefined,
  defaults: readonly string[],
): Record<string, unknown> {
  const shaped: Record<string, unknown> = {};
  for (const name of select ?? defaults) shaped[name] = readIgnoringCase(record, name) ?? null;
  return shaped;
}
