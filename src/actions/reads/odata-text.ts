// Putting caller text into Graph query options without letting it change the query's meaning.

/** An OData string literal: single quotes, a quote inside doubled. */
export function odataString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** One directory $search clause, "property:text", with `"` and `\` escaped as Graph's parser expects. */
export function searchClause(property: string, text: string): string {
  return `"${property}:${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

/** A query string from options whose names start with `$`; values are percent-encoded, names kept readable. */
export function queryString(options: Readonly<Record<string, string | undefined>>): string {
  const parts = Object.entries(options)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
  return parts.length ? `?${parts.join("&")}` : "";
}
