import { csvCell } from "../common/csv-cell.ts";
import type { AuditEntry } from "./audit-entry.ts";

type Cell = string | number | null;

export const auditCsvColumns = [
  "sequence",
  "occurredAt",
  "actorName",
  "actorOperatorId",
  "via",
  "action",
  "tenantId",
  "targetKind",
  "targetId",
  "targetDisplay",
  "outcome",
  "durationMs",
  "graphRequestIds",
  "correlationId",
  "inputs",
  "before",
  "after",
  "error",
  "id",
  "previousHash",
  "hash",
] as const;

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

function cells(entry: AuditEntry): Cell[] {
  return [
    entry.sequence,
    entry.occurredAt,
    entry.actor.name,
    entry.actor.operatorId ?? null,
    entry.actor.via,
    entry.action,
    entry.tenantId,
    entry.target?.kind ?? null,
    entry.target?.id ?? null,
    entry.target?.display ?? null,
    entry.outcome,
    entry.durationMs,
    entry.graphRequestIds.join(" "),
    entry.correlationId,
    json(entry.inputs),
    json(entry.before),
    json(entry.after),
    json(entry.error),
    entry.id,
    entry.previousHash,
    entry.hash,
  ];
}

/** RFC 4180 quoting; a text starting like a formula gets a leading quote so spreadsheets show it instead of running it. */

export function csvHeader(): string {
  return `${auditCsvColumns.join(",")}\r\n`;
}

export function csvLine(entry: AuditEntry): string {
  return `${cells(entry).map(csvCell).join(",")}\r\n`;
}

/** A JSON array written piece by piece: the opening, then each entry, then the closing. */
export function jsonArrayChunks() {
  let first = true;
  return {
    open: "[\n",
    item(entry: AuditEntry): string {
      const text = `${first ? "" : ",\n"}${JSON.stringify(entry)}`;
      first = false;
      return text;
    },
    close: () => (first ? "]\n" : "\n]\n"),
  };
}
