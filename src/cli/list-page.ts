// Paged lists in the CLI: --top and --cursor, rows printed as --output says, and the next cursor told on stderr.
import { type Command, InvalidArgumentError } from "commander";
import { formatRows, type OutputFormat } from "./output.ts";

export interface PageOptions {
  readonly top?: number;
  readonly cursor?: string;
}

/** A page as Tenantry's list reads answer it. */
export interface ListPage<R> {
  readonly value: readonly R[];
  readonly nextCursor: string | null;
  readonly count?: number;
}

type Cell = string | number | boolean | null | undefined;

function pageSize(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new InvalidArgumentError("must be a whole number from 1 to 999.");
  return n;
}

export function listPageOptions(command: Command): Command {
  return command.option("--top <n>", "rows on the page (1-999, default 100)", pageSize).option("--cursor <cursor>", "the cursor printed after the previous page");
}

export function pageInput(options: PageOptions): { top?: number; cursor?: string } {
  return { ...(options.top !== undefined ? { top: options.top } : {}), ...(options.cursor !== undefined ? { cursor: options.cursor } : {}) };
}

/** An object's plain values as table cells; lists joined, nested objects left out. */
export function scalars(item: object): Record<string, Cell> {
  const cells: Record<string, Cell> = {};
  for (const [key, value] of Object.entries(item)) {
    if (value === null || ["string", "number", "boolean"].includes(typeof value)) cells[key] = value as Cell;
    else if (Array.isArray(value) && value.every((v) => typeof v !== "object")) cells[key] = value.join("; ");
  }
  return cells;
}

export function printPage<R>(options: { readonly output: OutputFormat }, page: ListPage<R>, row: (item: R) => Record<string, Cell>): void {
  process.stdout.write(formatRows(options.output, page.value.map(row), page));
  if (options.output !== "table") return;
  if (page.count !== undefined) process.stderr.write(`${page.count} in all.\n`);
  if (page.nextCursor) process.stderr.write(`More: add --cursor ${page.nextCursor}\n`);
}
