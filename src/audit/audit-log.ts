import { randomUUID } from "node:crypto";
import type { Pool, PoolClient } from "pg";
import type { AuditEntry, AuditEntryInput, AuditRecord, AuditTarget, JsonObject } from "./audit-entry.ts";
import { csvHeader, csvLine, jsonArrayChunks } from "./audit-export.ts";
import { type AuditFilters, filterConditions } from "./audit-filters.ts";
import { entryHash, genesisHash } from "./audit-hash.ts";
import { type AuditRow, entryOf } from "./audit-rows.ts";
import { type VerifyResult, verifyChain } from "./audit-verify.ts";
import { inTransaction } from "../store/transaction.ts";
import { redactSecrets } from "./redact-secrets.ts";

/** A connection inside a transaction the caller opened (BEGIN ... COMMIT), such as the action runner's journal write. */
export type AuditTransaction = Pick<PoolClient, "query">;

export interface AuditPage {
  /** 1 to 500; 100 unless given. */
  readonly limit?: number;
  /** `nextCursor` of the previous page. */
  readonly cursor?: string;
  /** Newest first unless "asc". */
  readonly order?: "asc" | "desc";
}

export interface AuditListing {
  readonly entries: AuditEntry[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

export const maxAuditPage = 500;

const chainLock = "SELECT pg_advisory_xact_lock(hashtext('tenantry audit chain'))";

const columns = "id, occurred_at, actor, action, tenant_id, target, inputs, before, after, outcome, error, graph_request_ids, duration_ms, correlation_id, previous_hash, hash";

const jsonb = (value: unknown) => (value === null ? null : JSON.stringify(value));
const redactedObject = (value: Readonly<Record<string, unknown>> | null | undefined): JsonObject | null => (value == null ? null : (redactSecrets(value) as JsonObject));

function targetOf(target: AuditTarget): AuditTarget {
  return { ...(target.id !== undefined ? { id: target.id } : {}), kind: target.kind, ...(target.display !== undefined ? { display: target.display } : {}) };
}

function recordFrom(input: AuditEntryInput, occurredAt: Date): AuditRecord {
  return {
    id: randomUUID(),
    occurredAt: occurredAt.toISOString(),
    actor: { ...(input.actor.operatorId ? { operatorId: input.actor.operatorId } : {}), name: input.actor.name, via: input.actor.via },
    action: input.action,
    tenantId: input.tenantId?.toLowerCase() ?? null,
    target: input.target ? targetOf(input.target) : null,
    inputs: redactedObject(input.inputs ?? {}) ?? {},
    before: redactedObject(input.before),
    after: redactedObject(input.after),
    outcome: input.outcome,
    error: redactedObject(input.error),
    graphRequestIds: [...(input.graphRequestIds ?? [])],
    durationMs: input.durationMs == null ? null : Math.round(input.durationMs),
    correlationId: input.correlationId?.toLowerCase() ?? randomUUID(),
  };
}

/** The append-only, hash-chained audit log. */
export function createAuditLog(deps: { pool: Pick<Pool, "query" | "connect">; batchSize?: number }) {
  const batchSize = deps.batchSize ?? 1000;

  async function appendIn(tx: AuditTransaction, input: AuditEntryInput): Promise<AuditEntry> {
    // Held until the caller's transaction ends, so appends line up behind each other; the unique
    // previous_hash catches a caller that is not in a transaction.
    await tx.query(chainLock);
    // The database's clock, so that entries written by several servers are timed by one clock.
    const head = await tx.query<{ hash: Buffer | null; now: Date }>("SELECT (SELECT hash FROM audit_entries ORDER BY sequence DESC LIMIT 1) AS hash, clock_timestamp() AS now");
    const previousHash = head.rows[0]!.hash ?? genesisHash;
    const record = recordFrom(input, head.rows[0]!.now);
    const hash = entryHash(record, previousHash);
    const { rows } = await tx.query<{ sequence: string }>(
      `INSERT INTO audit_entries (${columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING sequence`,
      [
        record.id,
        record.occurredAt,
        jsonb(record.actor),
        record.action,
        record.tenantId,
        jsonb(record.target),
        jsonb(record.inputs),
        jsonb(record.before),
        jsonb(record.after),
        record.outcome,
        jsonb(record.error),
        record.graphRequestIds,
        record.durationMs,
        record.correlationId,
        previousHash,
        hash,
      ],
    );
    return { sequence: Number(rows[0]!.sequence), ...record, previousHash: previousHash.toString("hex"), hash: hash.toString("hex") };
  }

  async function list(filters: AuditFilters, page: AuditPage = {}): Promise<AuditListing> {
    const limit = Math.min(Math.max(Math.trunc(page.limit ?? 100), 1), maxAuditPage);
    const ascending = page.order === "asc";
    const params: unknown[] = [];
    const conditions = filterConditions(filters, params);
    if (page.cursor !== undefined) conditions.push(`sequence ${ascending ? ">" : "<"} $${params.push(page.cursor)}`);
    const where = conditions.length ? `WHERE ${conditions.join(" AND ")}` : "";
    const { rows } = await deps.pool.query<AuditRow>(`SELECT * FROM audit_entries ${where} ORDER BY sequence ${ascending ? "ASC" : "DESC"} LIMIT $${params.push(limit + 1)}`, params);
    const entries = rows.slice(0, limit).map(entryOf);
    return { entries, nextCursor: rows.length > limit ? String(entries.at(-1)!.sequence) : null };
  }

  async function* oldestFirst(filters: AuditFilters): AsyncGenerator<AuditEntry> {
    let cursor: string | undefined;
    do {
      const page = await list(filters, { limit: maxAuditPage, order: "asc", ...(cursor ? { cursor } : {}) });
      yield* page.entries;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  return {
    /** Appends an entry inside `tx` when given (the caller commits it), else in a transaction of its own. */
    async append(input: AuditEntryInput, tx?: AuditTransaction): Promise<AuditEntry> {
      if (tx) return appendIn(tx, input);
      return inTransaction(deps.pool, (client) => appendIn(client, input));
    },

    list,

    /** Recomputes the whole chain; see verifyChain. */
    verify(): Promise<VerifyResult> {
      return verifyChain(deps.pool, batchSize);
    },

    /** The matching entries, oldest first, as CSV text in chunks. */
    async *exportCsv(filters: AuditFilters): AsyncGenerator<string> {
      yield csvHeader();
      for await (const entry of oldestFirst(filters)) yield csvLine(entry);
    },

    /** The matching entries, oldest first, as a JSON array in chunks. */
    async *exportJson(filters: AuditFilters): AsyncGenerator<string> {
      const chunks = jsonArrayChunks();
      yield chunks.open;
      for await (const entry of oldestFirst(filters)) yield chunks.item(entry);
      yield chunks.close();
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
