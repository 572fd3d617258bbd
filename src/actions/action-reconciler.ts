// Runs a dead process left between intent and outcome are settled by reading Graph: the change is either
// in effect (succeeded) or not (failed, nothing applied). Nothing is applied again.
import type { Pool } from "pg";
import type { AuditLog } from "../audit/audit-log.ts";
import type { ActionId } from "../catalog/action-ids.ts";
import { GraphRequestError } from "../graph/graph-errors.ts";
import type { GraphEngine } from "../graph/engine/graph-engine.ts";
import { createTenantGraph } from "../graph/tenant-graph.ts";
import { inTransaction } from "../store/transaction.ts";
import type { TenantsService } from "../tenants/tenants-service.ts";
import type { AnyExecutor } from "./action-executor.ts";
import { targetGone } from "./action-runner.ts";
import type { ActionRun } from "./action-run.ts";
import type { ActionRunsStore, RunOutcome, StoredRun } from "./action-runs-store.ts";
import { isRunnerGone } from "./runner-instance.ts";

/** Settling only reads back; it decides nothing on anyone's behalf. */
const readBackOnly = {
  name: "Tenantry (settling an interrupted run)",
  decideOnTarget: () => ({ allowed: false, reason: "Settling an interrupted run only reads.", missingRoleActions: [], rolesThatWould: [] }),
};

/** Longer than any run takes: Graph calls time out after 2 minutes and reads are tried a few times. */
const ownRunTimeoutMs = 15 * 60 * 1000;

export function createActionReconciler(deps: {
  pool: Pick<Pool, "connect">;
  audit: Pick<AuditLog, "append">;
  runs: ActionRunsStore;
  tenants: Pick<TenantsService, "access">;
  executors: ReadonlyMap<ActionId, AnyExecutor>;
  instanceId: string;
  log: (line: string) => void;
  /** The process's Graph engine: settling reads count against the same budgets as everything else. */
  engine?: GraphEngine;
}) {
  async function outcomeOf(stored: StoredRun): Promise<RunOutcome> {
    const executor = deps.executors.get(stored.run.action as ActionId);
    if (executor?.kind !== "write") throw new Error(`No write executor for ${stored.run.action}.`);
    const requestIds: string[] = [];
    const tenant = await deps.tenants.access(stored.run.tenantId);
    const graph = createTenantGraph({ graphUrl: tenant.graphUrl, accessToken: tenant.accessToken, onRequestId: (id) => requestIds.push(id), ...(deps.engine ? { engine: deps.engine } : {}) });
    const checked = await executor.check({ tenant, graph, operator: readBackOnly }, stored.plan, undefined).catch((error: unknown) => {
      if (error instanceof GraphRequestError && error.status === 404) return error;
      throw error;
    });
    const graphRequestIds = [...stored.run.graphRequestIds, ...requestIds];
    if (checked instanceof GraphRequestError) return { state: "failed", after: null, result: null, error: targetGone(checked), warnings: [...stored.run.warnings], graphRequestIds, reconciled: true };
    const warnings = [...stored.run.warnings, ...(checked.warnings ?? [])];
    if (checked.applied) return { state: "succeeded", after: checked.after, result: null, error: null, warnings, graphRequestIds, reconciled: true };
    return {
      state: "failed",
      after: checked.after,
      result: null,
      error: {
        code: "interrupted",
        message: `Tenantry stopped before this change was confirmed; Microsoft Graph shows it is not in effect (${checked.difference ?? "unchanged"}), so nothing was applied.`,
        fix: "Run the action again, with a new idempotency key.",
      },
      warnings,
      graphRequestIds,
      reconciled: true,
    };
  }

  /** Settles one run whose process is gone; undefined when its process still lives (it will settle it). */
  async function settle(stored: StoredRun): Promise<ActionRun | undefined> {
    if (stored.run.state !== "requested") return stored.run;
    if (stored.runnerInstance === deps.instanceId) {
      // This process's own run: still in its hands, unless it is older than any run can take (its
      // database connection was lost while it ran, and the process lived on).
      if (Date.now() - Date.parse(stored.run.createdAt) < ownRunTimeoutMs) return undefined;
    } else if (!(await isRunnerGone(deps.pool, stored.runnerInstance))) return undefined;
    const outcome = await outcomeOf(stored);
    await inTransaction(deps.pool, async (client) => {
      if (await deps.runs.finish(client, stored.run.id, outcome)) {
        await deps.audit.append(
          {
            actor: stored.run.actor,
            action: stored.run.action,
            tenantId: stored.run.tenantId,
            target: stored.run.target,
            inputs: { ...stored.run.inputs, reconciledAfterInterruption: true },
            before: stored.run.before,
            after: outcome.after,
            outcome: outcome.state,
            error: outcome.error ? { ...outcome.error } : null,
            graphRequestIds: outcome.graphRequestIds,
            correlationId: stored.run.correlationId,
          },
          client,
        );
      }
    });
    return (await deps.runs.get(stored.run.id))?.run;
  }

  return {
    settle,

    /** Settles every run left unfinished by a process that is gone. Returns how many were settled. */
    async settleOrphans(): Promise<number> {
      let settled = 0;
      for (const stored of await deps.runs.unfinished(deps.instanceId, ownRunTimeoutMs)) {
        try {
          if (await settle(stored)) settled++;
        } catch (error) {
          deps.log(`could not settle interrupted run ${stored.run.id} (${stored.run.action}): ${error instanceof Error ? error.message : String(error)}; it is tried again later`);
        }
      }
      return settled;
    },
  };
}

export type ActionReconciler = ReturnType<typeof createActionReconciler>;
