// Every action, from every door (API, CLI, console, jobs), runs here: validate, check consent, prepare
// (reads and guards), commit intent with its audit entry, call Graph, read back, commit outcome with its audit entry.
import { createHmac, randomUUID } from "node:crypto";
import type { Pool } from "pg";
import type { z } from "zod";
import type { OperatorAccess } from "../access/operator-access.ts";
import type { AuditActor, AuditTarget, JsonObject } from "../audit/audit-entry.ts";
import { canonicalJson } from "../audit/audit-hash.ts";
import type { AuditLog } from "../audit/audit-log.ts";
import { redactSecrets, toJson } from "../audit/redact-secrets.ts";
import type { ActionDefinition } from "../catalog/action-definition.ts";
import type { ActionId } from "../catalog/action-ids.ts";
import { actionById } from "../catalog/catalog.ts";
import { GraphOutcomeUnknown, GraphRequestError } from "../graph/graph-errors.ts";
import type { GraphEngine } from "../graph/engine/graph-engine.ts";
import { createTenantGraph } from "../graph/tenant-graph.ts";
import { inTransaction } from "../store/transaction.ts";
import { actionConsent } from "../tenants/consent-health.ts";
import type { TenantAccess, TenantsService } from "../tenants/tenants-service.ts";
import { ActionInputError, ActionRefused, IdempotencyConflict } from "./action-errors.ts";
import type { ActionContext, AnyExecutor, AppliedChange, CheckedChange, PreparedChange, WriteExecutor } from "./action-executor.ts";
import type { ActionRun, ActionRunError } from "./action-run.ts";
import type { ActionRunsStore, RunOutcome, StoredRun } from "./action-runs-store.ts";
import type { RunnerInstance } from "./runner-instance.ts";

/** What the runner asks of the operator's access: visibility, the decision on the action, and on administrator targets. */
export type RunnerAccess = Pick<OperatorAccess, "principal" | "canSee" | "decideAction" | "decideOnTarget">;

export interface RunRequest {
  readonly action: ActionId;
  /** Tenant id or one of its domains. */
  readonly tenant: string;
  readonly input: unknown;
  readonly actor: AuditActor;
  /** The operator's rights; every run is decided by them first. */
  readonly access: RunnerAccess;
  /** The caller's key; a retry with the same key returns the first outcome. Generated when absent. */
  readonly idempotencyKey?: string;
}

export type RunAnswer =
  | { readonly kind: "read"; readonly action: ActionId; readonly tenantId: string; readonly data: unknown }
  | {
      readonly kind: "write";
      readonly run: ActionRun;
      /** True when the run is the stored outcome of an earlier request with the same key. */
      readonly replayed: boolean;
      /** Shown to this caller only, never stored (a generated password). */
      readonly secret?: JsonObject;
    };

/** What a run would do, found without changing anything: the change with the target's current values, or why it would be refused. */
export type PlanAnswer =
  | { readonly kind: "would-change"; readonly tenantId: string; readonly target: AuditTarget; readonly before: JsonObject; readonly change: JsonObject; readonly warnings: readonly string[] }
  | { readonly kind: "would-refuse"; readonly tenantId: string; readonly target: AuditTarget | null; readonly error: ActionRunError };

export interface RunnerDependencies {
  readonly pool: Pick<Pool, "connect">;
  readonly audit: Pick<AuditLog, "append">;
  readonly runs: ActionRunsStore;
  readonly tenants: Pick<TenantsService, "access">;
  readonly executors: ReadonlyMap<ActionId, AnyExecutor>;
  /** This process's runner instance: its id marks the runs it executes, and its lock must be held to start one. */
  readonly instance: Pick<RunnerInstance, "id" | "hold">;
  /**
   * Keys the hash that ties an idempotency key to its request. The hash covers the raw input, passwords
   * included (a retry with another password is another request), so it is an HMAC and not a plain hash.
   */
  readonly requestKey: Buffer;
  /** Settles one orphaned run (its process died) before a retry of it is answered. */
  readonly settleOrphan?: (stored: StoredRun) => Promise<ActionRun | undefined>;
  /** Tries to read a change back before calling it failed; Graph's replicas can lag. */
  readonly verifyAttempts?: number;
  /** Told of each tenant where a run succeeded, once its outcome is committed (the directory cache catches up). */
  readonly afterChange?: (tenantId: string) => void;
  /** The process's Graph engine (budgets, $batch); without it, executors call Graph one request at a time. */
  readonly engine?: GraphEngine;
}

/** The first issue, as "field: reason", the way the API reports a bad body. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.length ? issue.path.map(String).join(".") : "input";
  throw new ActionInputError(field, issue.message);
}

function errorOf(error: unknown): ActionRunError {
  if (error instanceof ActionRefused) {
    return { code: error.code, status: error.status, message: error.message, ...(error.fix ? { fix: error.fix } : {}), ...(error.field ? { field: error.field } : {}), ...(error.graphRequestId ? { graphRequestId: error.graphRequestId } : {}) };
  }
  if (error instanceof GraphRequestError) {
    return { code: error.code, status: answerStatusOf(error), message: `Microsoft Graph refused the change: ${error.message}`, ...(error.requestId ? { graphRequestId: error.requestId } : {}) };
  }
  if (error instanceof GraphOutcomeUnknown) return { code: "outcome_unknown", message: error.message, ...(error.requestId ? { graphRequestId: error.requestId } : {}) };
  return { code: "internal", message: error instanceof Error ? error.message : String(error) };
}

/** The target vanished between the change and its read-back (deleted meanwhile): nothing left to verify. */
export function targetGone(error: GraphRequestError): ActionRunError {
  return { code: "target_gone", message: `The target no longer exists, so the change cannot be verified: ${error.message}`, ...(error.requestId ? { graphRequestId: error.requestId } : {}) };
}

/** How Tenantry answers a Graph error: Graph's 403, 404 and 409 as they are, its other 4xx as 422, the rest 502. */
function answerStatusOf(error: GraphRequestError): number {
  if (error.status === 403 || error.status === 404 || error.status === 409) return error.status;
  return error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429 ? 422 : 502;
}

/**
 * A Graph 4xx while reading the target (no such user, no permission) refuses the run before any change;
 * throttling and timeouts are not refusals (a retry may work), so they are not recorded as one.
 */
function refusalOf(error: unknown): ActionRefused | undefined {
  if (error instanceof ActionRefused) return error;
  if (error instanceof GraphRequestError && answerStatusOf(error) !== 502) {
    return new ActionRefused({
      status: answerStatusOf(error),
      code: error.code,
      message: `Microsoft Graph: ${error.message}${error.requestId ? ` (request id ${error.requestId})` : ""}`,
      ...(error.requestId ? { graphRequestId: error.requestId } : {}),
      ...(error.status === 403 ? { fix: "Check the tenant's consent health (`tenantry tenants check`)." } : {}),
    });
  }
  return undefined;
}

/** Deny by default: the operator's roles in the tenant must grant every role action the action needs with this input. */
export function operatorRefusal(access: RunnerAccess, definition: ActionDefinition, input: unknown, tenant: TenantAccess): ActionRefused | undefined {
  const decision = access.decideAction(definition, input, tenant.connection.tenantId, tenant.tenantName);
  if (decision.allowed) return undefined;
  const role = decision.rolesThatWould[0];
  return new ActionRefused({
    status: 403,
    code: "operator_not_allowed",
    message: `"${definition.title}" is not allowed: ${decision.reason}`,
    fix: role ? `Ask a Platform Administrator to assign you ${role} (or a role with ${decision.missingRoleActions.join(", ")}) for ${tenant.tenantName}.` : "Use an API token with the scope this needs, or sign in.",
  });
}

export function consentRefusal(definition: ActionDefinition, tenant: TenantAccess): ActionRefused | undefined {
  const { feature, fixes } = actionConsent(definition, tenant.granted, { tenantName: tenant.tenantName, appName: tenant.appName, consentUrl: tenant.consentUrl });
  if (feature.available) return undefined;
  const missing = [...feature.missingPermissions, ...feature.missingRoles.map((r) => `the directory role ${r.displayName}`)];
  return new ActionRefused({
    status: 403,
    code: "consent_missing",
    message: `${tenant.tenantName} has not granted ${tenant.appName} ${missing.join(", ")}, which "${definition.title}" needs.`,
    fix: fixes.join(" "),
  });
}

/** What executors and guards are given: the tenant, its Graph (request ids collected), and the operator's rules on administrator targets. */
export function actionContextFor(tenant: TenantAccess, access: Pick<RunnerAccess, "principal" | "decideOnTarget">, requestIds: string[], engine?: GraphEngine): ActionContext {
  const tenantId = tenant.connection.tenantId;
  return {
    tenant,
    graph: createTenantGraph({ graphUrl: tenant.graphUrl, accessToken: tenant.accessToken, onRequestId: (id) => requestIds.push(id), ...(engine ? { engine } : {}) }),
    operator: { name: access.principal.name, decideOnTarget: (table, target) => access.decideOnTarget(table, tenantId, target) },
  };
}

export function createActionRunner(deps: RunnerDependencies) {
  const verifyAttempts = deps.verifyAttempts ?? 3;
  const contextFor = (tenant: TenantAccess, access: Pick<RunnerAccess, "principal" | "decideOnTarget">, requestIds: string[]) => actionContextFor(tenant, access, requestIds, deps.engine);

  /** The tenant, if the operator may see it; one it may not see is answered like one that is not connected. */
  const visibleTenant = (request: RunRequest): Promise<TenantAccess> => deps.tenants.access(request.tenant, (tenantId) => request.access.canSee(tenantId));

  async function checkUntilApplied(executor: WriteExecutor<unknown, unknown>, context: ActionContext, plan: unknown, applied: AppliedChange | undefined): Promise<CheckedChange> {
    let checked = await executor.check(context, plan, applied);
    for (let attempt = 2; !checked.applied && attempt <= verifyAttempts; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
      checked = await executor.check(context, plan, applied);
    }
    return checked;
  }

  /**
   * Applies the change. When Graph's answer is lost, reads the state (a few times, as replicas lag) and
   * applies again only if it did not happen. Undefined when the outcome stays unknown.
   */
  async function applyOnce(executor: WriteExecutor<unknown, unknown>, context: ActionContext, plan: unknown, input: unknown): Promise<AppliedChange | undefined> {
    try {
      return await executor.apply(context, plan, input);
    } catch (error) {
      if (!(error instanceof GraphOutcomeUnknown)) throw error;
      const checked = await checkUntilApplied(executor, context, plan, undefined).catch(() => undefined);
      if (!checked) return undefined;
      if (checked.applied) return {};
      return executor.apply(context, plan, input).catch((again: unknown) => {
        if (again instanceof GraphOutcomeUnknown) return undefined;
        throw again;
      });
    }
  }

  async function replay(stored: StoredRun, requestSha256: Buffer): Promise<RunAnswer> {
    if (!stored.requestSha256.equals(requestSha256)) {
      throw new IdempotencyConflict(422, "idempotency_key_reused", `The idempotency key ${stored.run.idempotencyKey} was used for another request (${stored.run.action}); use a new key for a new request.`);
    }
    if (stored.run.state !== "requested") return { kind: "write", run: stored.run, replayed: true };
    const settled = await deps.settleOrphan?.(stored);
    if (settled) return { kind: "write", run: settled, replayed: true };
    throw new IdempotencyConflict(409, "in_progress", `The first request with idempotency key ${stored.run.idempotencyKey} is still running; ask again in a moment for its outcome.`);
  }

  /**
   * Graph's part of a run: apply, then read back. No outcome when the change was sent but could not be read
   * back (Graph kept failing reads): nobody can yet say whether it is in effect.
   */
  async function execute(
    executor: WriteExecutor<unknown, unknown>,
    context: ActionContext,
    plan: unknown,
    input: unknown,
    warnings: readonly string[],
    requestIds: readonly string[],
  ): Promise<{ outcome?: RunOutcome; secret?: JsonObject }> {
    let applied: AppliedChange | undefined;
    try {
      applied = await applyOnce(executor, context, plan, input);
      if (!applied) return {};
    } catch (error) {
      if (error instanceof GraphRequestError) {
        // An action of several requests may have made its first ones: `after` shows what is in effect.
        const after = (await executor.check(context, plan, undefined).catch(() => undefined))?.after ?? null;
        return { outcome: { state: "failed", after, result: null, error: errorOf(error), warnings, graphRequestIds: [...requestIds], reconciled: false } };
      }
      // Something unexpected between intent and outcome: Graph says what happened. When even that fails,
      // the run stays 'requested' and is settled later, as after a crash.
      const checked = await executor.check(context, plan, undefined).catch(() => undefined);
      if (!checked) throw error;
      const message = `Tenantry failed while running the action (${error instanceof Error ? error.message : String(error)}); Graph shows the change is not in effect.`;
      return {
        outcome: {
          state: checked.applied ? "succeeded" : "failed",
          after: checked.after,
          result: null,
          error: checked.applied ? null : { code: "internal", message },
          warnings: [...warnings, ...(checked.warnings ?? [])],
          graphRequestIds: [...requestIds],
          reconciled: true,
        },
      };
    }
    const secret = applied.secret ? { secret: applied.secret } : {};
    const checked = await checkUntilApplied(executor, context, plan, applied).catch((error: unknown) => {
      if (error instanceof GraphRequestError) return error;
      throw error;
    });
    if (checked instanceof GraphRequestError) {
      if (checked.status !== 404) return secret;
      return { ...secret, outcome: { state: "failed", after: null, result: applied.result ?? null, error: targetGone(checked), warnings, graphRequestIds: [...requestIds], reconciled: false } };
    }
    return {
      ...secret,
      outcome: {
        state: checked.applied ? "succeeded" : "failed",
        after: checked.after,
        result: applied.result ?? null,
        error: checked.applied ? null : { code: "verification_failed", message: `Graph accepted the change, but reading it back shows otherwise: ${checked.difference ?? "it is not in effect"}.` },
        warnings: [...warnings, ...(checked.warnings ?? [])],
        graphRequestIds: [...requestIds],
        reconciled: false,
      },
    };
  }

  async function runWrite(definition: ActionDefinition, executor: WriteExecutor<unknown, unknown>, request: RunRequest, input: unknown): Promise<RunAnswer> {
    const started = Date.now();
    const tenant = await visibleTenant(request);
    const tenantId = tenant.connection.tenantId;
    const requester = request.access.principal.operatorId;
    const idempotencyKey = request.idempotencyKey ?? randomUUID();
    const inputs = redactSecrets(input) as JsonObject;
    const requestSha256 = createHmac("sha256", deps.requestKey).update(canonicalJson({ action: definition.id, tenantId, input: toJson(input) })).digest();
    const existing = await deps.runs.find(requester, idempotencyKey);
    if (existing) return replay(existing, requestSha256);

    const requestIds: string[] = [];
    const context = contextFor(tenant, request.access, requestIds);
    const runId = randomUUID();
    const correlationId = randomUUID();
    const base = { id: runId, requester, idempotencyKey, requestSha256, action: definition.id, tenantId, actor: request.actor, inputs, runnerInstance: deps.instance.id, correlationId };
    const auditBase = { actor: request.actor, action: definition.id, tenantId, inputs, correlationId };

    let prepared: PreparedChange<unknown>;
    try {
      const refusal = operatorRefusal(request.access, definition, input, tenant) ?? consentRefusal(definition, tenant);
      if (refusal) throw refusal;
      prepared = await executor.prepare(context, input);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      const runError = errorOf(refusal);
      const inserted = await inTransaction(deps.pool, async (tx) => {
        const ok = await deps.runs.insert(tx, { ...base, target: refusal.target ?? null, plan: null, state: "refused", before: null, error: runError, warnings: [], graphRequestIds: requestIds });
        if (ok) await deps.audit.append({ ...auditBase, target: refusal.target ?? null, outcome: "denied", error: { ...runError }, graphRequestIds: requestIds, durationMs: Date.now() - started }, tx);
        return ok;
      });
      if (!inserted) return replay((await deps.runs.find(requester, idempotencyKey))!, requestSha256);
      return { kind: "write", run: (await deps.runs.get(runId))!.run, replayed: false };
    }

    await deps.instance.hold();
    const warnings = prepared.warnings ?? [];
    const inserted = await inTransaction(deps.pool, async (tx) => {
      const ok = await deps.runs.insert(tx, { ...base, target: prepared.target, plan: prepared.plan, state: "requested", before: prepared.before, error: null, warnings, graphRequestIds: requestIds });
      if (ok) await deps.audit.append({ ...auditBase, target: prepared.target, before: prepared.before, outcome: "requested", graphRequestIds: requestIds }, tx);
      return ok;
    });
    if (!inserted) return replay((await deps.runs.find(requester, idempotencyKey))!, requestSha256);

    const executed = await execute(executor, context, prepared.plan, input, warnings, requestIds);
    if (!executed.outcome) {
      // Sent, but not read back: the run is handed to the reconciler, which settles it from Graph.
      await deps.runs.release(runId);
      return { kind: "write", run: (await deps.runs.get(runId))!.run, replayed: false, ...(executed.secret ? { secret: executed.secret } : {}) };
    }
    const { outcome, secret } = executed;

    await inTransaction(deps.pool, async (tx) => {
      if (!(await deps.runs.finish(tx, runId, outcome))) return;
      await deps.audit.append(
        {
          ...auditBase,
          target: prepared.target,
          before: prepared.before,
          after: outcome.after,
          outcome: outcome.state,
          error: outcome.error ? { ...outcome.error } : null,
          graphRequestIds: outcome.graphRequestIds,
          durationMs: Date.now() - started,
        },
        tx,
      );
    });
    if (outcome.state === "succeeded") deps.afterChange?.(tenantId);
    const run = (await deps.runs.get(runId))!.run;
    // A password Graph was sent is shown even when reading it back failed: it may be in effect.
    return { kind: "write", run, replayed: false, ...(secret ? { secret } : {}) };
  }

  return {
    /** A dry run of a write: validate, visibility, the operator's decision, consent and the executor's reads and guards; no journal row, no Graph write. */
    async plan(request: Omit<RunRequest, "idempotencyKey">): Promise<PlanAnswer> {
      const definition = actionById(request.action);
      const executor = deps.executors.get(definition.id);
      if (executor?.kind !== "write") throw new Error(`${definition.id} changes nothing, so it has no plan.`);
      const input = parseInput(definition.input, request.input);
      const tenant = await visibleTenant(request);
      const tenantId = tenant.connection.tenantId;
      try {
        const refusal = operatorRefusal(request.access, definition, input, tenant) ?? consentRefusal(definition, tenant);
        if (refusal) throw refusal;
        const prepared = await executor.prepare(contextFor(tenant, request.access, []), input);
        return { kind: "would-change", tenantId, target: prepared.target, before: prepared.before, change: redactSecrets(input) as JsonObject, warnings: prepared.warnings ?? [] };
      } catch (error) {
        const refusal = refusalOf(error);
        if (!refusal) throw error;
        return { kind: "would-refuse", tenantId, target: refusal.target ?? null, error: errorOf(refusal) };
      }
    },

    async run(request: RunRequest): Promise<RunAnswer> {
      const definition = actionById(request.action);
      const executor = deps.executors.get(definition.id);
      if (!executor) throw new Error(`No executor for ${definition.id}.`);
      const input = parseInput(definition.input, request.input);
      if (executor.kind === "write") return runWrite(definition, executor, request, input);
      const tenant = await visibleTenant(request);
      const refusal = operatorRefusal(request.access, definition, input, tenant);
      if (refusal) {
        await deps.audit.append({ actor: request.actor, action: definition.id, tenantId: tenant.connection.tenantId, inputs: redactSecrets(input) as JsonObject, outcome: "denied", error: { ...errorOf(refusal) } });
        throw refusal;
      }
      const consent = consentRefusal(definition, tenant);
      if (consent) throw consent;
      try {
        const data = await executor.read(contextFor(tenant, request.access, []), input);
        return { kind: "read", action: definition.id, tenantId: tenant.connection.tenantId, data };
      } catch (error) {
        throw refusalOf(error) ?? error;
      }
    },
  };
}

export type ActionRunner = ReturnType<typeof createActionRunner>;
