import type { Pool } from "pg";
import type { AuditActor, AuditTarget, JsonObject } from "../audit/audit-entry.ts";
import type { AuditTransaction } from "../audit/audit-log.ts";
import type { ActionRun, ActionRunError, ActionRunState } from "./action-run.ts";

interface Row {
  id: string;
  requester: string;
  idempotency_key: string;
  request_sha256: Buffer;
  action: string;
  tenant_id: string;
  actor: AuditActor;
  inputs: JsonObject;
  target: AuditTarget | null;
  plan: unknown;
  state: ActionRunState;
  runner_instance: string;
  result: JsonObject | null;
  before: JsonObject | null;
  after: JsonObject | null;
  error: ActionRunError | null;
  warnings: string[];
  graph_request_ids: string[];
  correlation_id: string;
  reconciled: boolean;
  created_at: Date;
  finished_at: Date | null;
}

export interface StoredRun {
  readonly run: ActionRun;
  readonly requestSha256: Buffer;
  readonly plan: unknown;
  readonly runnerInstance: string;
}

function storedRun(row: Row): StoredRun {
  return {
    requestSha256: row.request_sha256,
    plan: row.plan,
    runnerInstance: row.runner_instance,
    run: {
      id: row.id,
      action: row.action,
      tenantId: row.tenant_id,
      actor: row.actor,
      idempotencyKey: row.idempotency_key,
      state: row.state,
      target: row.target,
      inputs: row.inputs,
      before: row.before,
      after: row.after,
      result: row.result,
      warnings: row.warnings,
      error: row.error,
      graphRequestIds: row.graph_request_ids,
      correlationId: row.correlation_id,
      reconciled: row.reconciled,
      createdAt: row.created_at.toISOString(),
      finishedAt: row.finished_at?.toISOString() ?? null,
    },
  };
}

export interface NewRun {
  readonly id: string;
  readonly requester: string;
  readonly idempotencyKey: string;
  readonly requestSha256: Buffer;
  readonly action: string;
  readonly tenantId: string;
  readonly actor: AuditActor;
  readonly inputs: JsonObject;
  readonly target: AuditTarget | null;
  readonly plan: unknown;
  readonly state: "requested" | "refused";
  readonly runnerInstance: string;
  readonly before: JsonObject | null;
  readonly error: ActionRunError | null;
  readonly warnings: readonly string[];
  readonly graphRequestIds: readonly string[];
  readonly correlationId: string;
}

export interface RunOutcome {
  readonly state: "succeeded" | "failed";
  readonly after: JsonObject | null;
  readonly result: JsonObject | null;
  readonly error: ActionRunError | null;
  readonly warnings: readonly string[];
  readonly graphRequestIds: readonly string[];
  readonly reconciled: boolean;
}

/** The runner instance of released runs; no process ever takes this id. */
export const releasedRunner = "00000000-0000-0000-0000-000000000000";

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** The action journal (table action_runs). Writes take the caller's transaction, so the audit entry commits with them. */
export function createActionRunsStore(deps: { pool: Pick<Pool, "query"> }) {
  return {
    async find(requester: string, idempotencyKey: string): Promise<StoredRun | undefined> {
      const { rows } = await deps.pool.query<Row>("SELECT * FROM action_runs WHERE requester = $1 AND idempotency_key = $2", [requester, idempotencyKey]);
      return rows[0] ? storedRun(rows[0]) : undefined;
    },

    async get(id: string): Promise<StoredRun | undefined> {
      const { rows } = await deps.pool.query<Row>("SELECT * FROM action_runs WHERE id = $1", [id]);
      return rows[0] ? storedRun(rows[0]) : undefined;
    },

    /** False when a run with this requester and key exists already (a concurrent retry won the race). */
    async insert(tx: AuditTransaction, run: NewRun): Promise<boolean> {
      const result = await tx.query(
        `INSERT INTO action_runs (id, requester, idempotency_key, request_sha256, action, tenant_id, actor, inputs, target, plan, state, runner_instance, before, error, warnings, graph_request_ids, correlation_id, finished_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, CASE WHEN $11 = 'refused' THEN now() END)
         ON CONFLICT (requester, idempotency_key) DO NOTHING`,
        [
          run.id,
          run.requester,
          run.idempotencyKey,
          run.requestSha256,
          run.action,
          run.tenantId,
          json(run.actor),
          json(run.inputs),
          json(run.target),
          json(run.plan),
          run.state,
          run.runnerInstance,
          json(run.before),
          json(run.error),
          json(run.warnings),
          run.graphRequestIds,
          run.correlationId,
        ],
      );
      return result.rowCount === 1;
    },

    /** Records the outcome of a run still 'requested'; false when another process settled it first. */
    async finish(tx: AuditTransaction, id: string, outcome: RunOutcome): Promise<boolean> {
      const result = await tx.query(
        `UPDATE action_runs SET state = $2, after = $3, result = $4, error = $5, warnings = $6, graph_request_ids = $7, reconciled = $8, finished_at = now()
         WHERE id = $1 AND state = 'requested'`,
        [id, outcome.state, json(outcome.after), json(outcome.result), json(outcome.error), json(outcome.warnings), outcome.graphRequestIds, outcome.reconciled],
      );
      return result.rowCount === 1;
    },

    /** Hands a run still 'requested' to the reconciler: no live runner instance holds the nil id's lock. */
    async release(id: string): Promise<void> {
      await deps.pool.query("UPDATE action_runs SET runner_instance = $2 WHERE id = $1 AND state = 'requested'", [id, releasedRunner]);
    },

    /** Runs left 'requested' by other runner instances, and this instance's own older than `ownOlderThanMs`. */
    async unfinished(instance: string, ownOlderThanMs: number): Promise<StoredRun[]> {
      const { rows } = await deps.pool.query<Row>(
        "SELECT * FROM action_runs WHERE state = 'requested' AND (runner_instance <> $1 OR created_at < now() - make_interval(secs => $2)) ORDER BY created_at",
        [instance, ownOlderThanMs / 1000],
      );
      return rows.map(storedRun);
    },
  };
}

export type ActionRunsStore = ReturnType<typeof createActionRunsStore>;
