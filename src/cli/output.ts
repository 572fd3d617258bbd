import { csvCell } from "../common/csv-cell.ts";

export type OutputFormat = "table" | "json" | "csv";

export const outputFormats: readonly OutputFormat[] = ["table", "json", "csv"];

type Cell = string | number | boolean | null | undefined;


function isControlCharacter(c: string): boolean {
  const code = c.charCodeAt(0);
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** Prints rows as an aligned table, JSON (the full objects) or CSV, as `--output` says. */
export function formatRows(format: OutputFormat, rows: readonly Record<string, Cell>[], full: unknown = rows): string {
  if (format === "json") return `${JSON.stringify(full, null, 2)}\n`;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  if (format === "csv") return `${[columns.map(csvCell).join(","), ...rows.map((row) => columns.map((c) => csvCell(row[c])).join(","))].join("\n")}\n`;
  if (rows.length === 0) return "(none)\n";
  // Names come from customer tenants: control characters are dropped so they cannot steer the terminal.
  const text = (value: Cell) => (value === null || value === undefined ? "" : [...String(value)].filter((c) => !isControlCharacter(c)).join(""));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((row) => text(row[c]).length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd();
  return `${[line(columns), line(widths.map((w) => "-".repeat(w))), ...rows.map((row) => line(columns.map((c) => text(row[c]))))].join("\n")}\n`;
}
