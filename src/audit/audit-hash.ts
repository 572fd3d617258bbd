import { createHash } from "node:crypto";
import type { AuditRecord, JsonValue } from "./audit-entry.ts";

/** The previous hash of the first entry. */
export const genesisHash: Buffer = Buffer.alloc(32);

/** JSON with object keys sorted at every depth and no whitespace: one text for one value. */
export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).filter((key) => value[key] !== undefined).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key]!)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 of the entry's fields and the hash of the entry before it. Changing this breaks verification of every stored entry. */
export function entryHash(record: AuditRecord, previousHash: Buffer): Buffer {
  const material: JsonValue = {
    format: 1,
    id: record.id,
    occurredAt: record.occurredAt,
    actor: { ...record.actor },
    action: record.action,
    tenantId: record.tenantId,
    target: record.target ? { ...record.target } : null,
    inputs: record.inputs,
    before: record.before,
    after: record.after,
    outcome: record.outcome,
    error: record.error,
    graphRequestIds: [...record.graphRequestIds],
    durationMs: record.durationMs,
    correlationId: record.correlationId,
    previousHash: previousHash.toString("hex"),
  };
  return createHash("sha256").update(canonicalJson(material)).digest();
}
