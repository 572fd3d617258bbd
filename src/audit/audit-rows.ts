import type { AuditActor, AuditEntry, AuditOutcome, AuditRecord, AuditTarget, JsonObject } from "./audit-entry.ts";

/** An audit_entries row as node-postgres reads it. */
export interface AuditRow {
  sequence: string;
  id: string;
  occurred_at: Date;
  actor: AuditActor;
  action: string;
  tenant_id: string | null;
  target: AuditTarget | null;
  inputs: JsonObject;
  before: JsonObject | null;
  after: JsonObject | null;
  outcome: AuditOutcome;
  error: JsonObject | null;
  graph_request_ids: string[];
  duration_ms: number | null;
  correlation_id: string;
  previous_hash: Buffer;
  hash: Buffer;
}

export function recordOf(row: AuditRow): AuditRecord {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actor: row.actor,
    action: row.action,
    tenantId: row.tenant_id,
    target: row.target,
    inputs: row.inputs,
    before: row.before,
    after: row.after,
    outcome: row.outcome,
    error: row.error,
    graphRequestIds: row.graph_request_ids,
    durationMs: row.duration_ms,
    correlationId: row.correlation_id,
  };
}

export function entryOf(row: AuditRow): AuditEntry {
  return { sequence: Number(row.sequence), ...recordOf(row), previousHash: row.previous_hash.toString("hex"), hash: row.hash.toString("hex") };
}
