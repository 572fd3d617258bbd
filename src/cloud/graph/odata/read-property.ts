/** Reads one property of a record (or of a nested object or collection item). */
export type PropertyReader = (record: object, property: string) => unknown;

/** Graph matches property names case-insensitively; exact spelling wins when both exist. */
export function readIgnoringCase(record: object, property: string): unknown {
  if (Object.hasOwn(record, property)) return (record as Record<string, unknown>)[property];
  const wanted = property.toLowerCase();
  for (const [key, value] of Object.entries(record)) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/** Follows a path such as ["onPremisesExtensionAttributes", "extensionAttribute1"]; undefined when it breaks. */
export function readPath(start: unknown, path: readonly string[], read: PropertyReader): unknown {
  let current = start;
  for (const segment of path) {
    if (current === null || typeof current !== "object" || Array.isArray(current)) return undefined;
    current = read(current, segment);
  }
  return current;
}
