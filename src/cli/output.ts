export type OutputFormat = "table" | "json" | "csv";

export const outputFormats: readonly OutputFormat[] = ["table", "json", "csv"];

type Cell = string | number | boolean | null | undefined;

function csvCell(value: Cell): string {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Prints rows as an aligned table, JSON (the full objects) or CSV, as `--output` says. */
export function formatRows(format: OutputFormat, rows: readonly Record<string, Cell>[], full: unknown = rows): string {
  if (format === "json") return `${JSON.stringify(full, null, 2)}\n`;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  if (format === "csv") return `${[columns.map(csvCell).join(","), ...rows.map((row) => columns.map((c) => csvCell(row[c])).join(","))].join("\n")}\n`;
  if (rows.length === 0) return "(none)\n";
  const text = (value: Cell) => (value === null || value === undefined ? "" : String(value));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((row) => text(row[c]).length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd();
  return `${[line(columns), line(widths.map((w) => "-".repeat(w))), ...rows.map((row) => line(columns.map((c) => text(row[c]))))].join("\n")}\n`;
}
