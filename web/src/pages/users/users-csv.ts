// CSV as RFC 4180 writes it: fields separated by commas, lines by CRLF; a field holding a comma, a quote or a
// line break is quoted, with its quotes doubled.
import type { UserRow } from "../../api/users-search.ts";
import type { UserColumn } from "./users-columns.ts";

const needsQuotes = /[",\r\n]/;
// A spreadsheet would run a field that starts like this as a formula: a user's name must never do that.
const formulaStart = /^[=+\-@\t\r]/;

export function csvField(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

export function csvHeader(columns: readonly UserColumn[]): string {
  return csvLine(columns.map((c) => c.label));
}

export function csvRows(rows: readonly UserRow[], columns: readonly UserColumn[], roleNames: ReadonlyMap<string, string>): string {
  let text = "";
  for (const row of rows) text += csvLine(columns.map((c) => c.text(row, roleNames)));
  return text;
}
