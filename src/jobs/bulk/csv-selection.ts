// A CSV upload as a selection: a header with `tenant`, `user` (or `group`) and optional input columns such as
// `jobTitle`, then one target per line. A line that cannot be used is kept with the reason, so that it is
// reported by its line while the others run.
import { ActionInputError } from "../../actions/action-errors.ts";
import type { BulkInputShape } from "./bulk-input.ts";
import type { SelectedTarget } from "./bulk-job.ts";
import { csvRecords } from "./csv-records.ts";

export const maxCsvRows = 50_000;
/** Tenantry's bound on a cell; the action's schema then applies its own, smaller, limits. */
export const maxCsvCell = 1024;

export function csvSelection(text: string, shape: BulkInputShape): SelectedTarget[] {
  const { records, truncated } = csvRecords(text, maxCsvRows + 1);
  if (truncated) throw new ActionInputError("csv", `At most ${maxCsvRows} rows per job; split the file.`);
  const [header, ...rows] = records;
  if (!header) throw new ActionInputError("csv", `The file is empty; its first line names the columns: tenant,${shape.targetColumn}[,${shape.columns.slice(0, 2).join(",")}...].`);
  const names = header.cells.map((cell) => cell.trim());
  const tenantColumn = names.findIndex((name) => name.toLowerCase() === "tenant");
  const targetColumn = names.findIndex((name) => name.toLowerCase() === shape.targetColumn);
  if (tenantColumn < 0 || targetColumn < 0) {
    throw new ActionInputError("csv", `The first line must name the columns tenant and ${shape.targetColumn} (it names ${names.join(", ") || "none"}).`);
  }
  const repeated = names.find((name, i) => name !== "" && names.indexOf(name) !== i);
  if (repeated) throw new ActionInputError("csv", `The column ${repeated} appears twice in the first line.`);

  return rows.map((record) => {
    const cell = (i: number) => (record.cells[i] ?? "").trim();
    const base = { row: record.line, tenant: cell(tenantColumn).slice(0, 256), target: cell(targetColumn).slice(0, 256) };
    if (record.problem) return { ...base, problem: { code: "invalid_row", message: record.problem } };
    if (record.cells.length > names.length) {
      return { ...base, problem: { code: "invalid_row", message: `The line has ${record.cells.length} cells but the first line names ${names.length} columns (is a comma missing its quotes?).` } };
    }
    const tooLong = record.cells.findIndex((value) => value.length > maxCsvCell);
    if (tooLong >= 0) {
      return { ...base, problem: { code: "invalid_row", field: names[tooLong] || `column ${tooLong + 1}`, message: `${names[tooLong] || `column ${tooLong + 1}`}: at most ${maxCsvCell} characters.` } };
    }
    if (!base.tenant) return { ...base, problem: { code: "invalid_row", field: "tenant", message: "tenant: empty; give the tenant's id or one of its domains." } };
    if (!base.target) return { ...base, problem: { code: "invalid_row", field: shape.targetColumn, message: `${shape.targetColumn}: empty; give an object id or user principal name.` } };
    const columns: Record<string, string> = {};
    for (const [i, name] of names.entries()) {
      if (i === tenantColumn || i === targetColumn || cell(i) === "") continue;
      if (!shape.placeOf(name)) {
        return { ...base, problem: { code: "unknown_column", field: name || `column ${i + 1}`, message: `${name || `column ${i + 1}`}: not a property this action takes (it takes ${shape.columns.join(", ")}).` } };
      }
      columns[name] = cell(i);
    }
    return { ...base, columns };
  });
}
