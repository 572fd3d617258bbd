/**
 * One CSV cell: quoted when it holds a quote, comma or line break; a text starting with = + - @ is
 * prefixed with ' because spreadsheets would run it as a formula, and such texts come from customers.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  const raw = String(value);
  const text = typeof value === "string" && /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
