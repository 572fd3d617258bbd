// Bulk jobs as operators use them (API and CLI): create one (or only plan it), follow it, pause, resume,
// cancel, retry its failed items. An operator sees its own jobs and the jobs whose every tenant it sees.
import type { Pool } from "pg";
import { randomUUID } from "node:crypto";
import type { OperatorAccess } from "../../access/operator-access.ts";
import { platformRoleIds } from "../../access/platform-roles.ts";
import { ActionInputError, ActionRefused } from "../../actions/action-errors.ts";
import { type ActionRunner, parseInput } from "../../actions/action-runner.ts";
import type { AuditActor, JsonObject } from "../../audit/audit-entry.ts";
import type { AuditLog } from "../../audit/audit-log.ts";
import type { ActionDefinition } from "../../catalog/action-definition.ts";
import type { ActionId } from "../../catalog/action-ids.ts";
import { catalog } from "../../catalog/catalog.ts";
import type { TenantsService } from "../../tenants/tenants-service.ts";
import { planItems, type PlannedItem } from "./bulk-dry-run.ts";
import { type BulkInputShape, bulkInputShape, itemInput } from "./bulk-input.ts";
import { createItemChecker, holdsSecret, secretRefusal } from "./bulk-items.ts";
import { type SearchSelection, searchSelection } from "./search-selection.ts";
import { type BulkItemError, type BulkItemState, type BulkJobState, type BulkSource, bulkJobAuditActions, type NewBulkItem, type SelectedTarget } from "./bulk-job.ts";
import type { BulkJobsStore, StoredBulkItem, StoredBulkJob } from "./bulk-jobs-store.ts";
import { type BulkProgress, jobState, progressOf } from "./bulk-progress.ts";
import { csvSelection } from "./csv-selection.ts";

/** Tenantry's bound on the targets of one job. */
export const maxJobTargets = 50_000;
/** A dry run answers in one response, item by item: a larger selection is planned in parts. */
export const maxDryRunTargets = 5000;

/** Where a job's targets come from: ids by tenant, a CSV file or a search of the directory cache. Each kind becomes `SelectedTarget`s, checked the same way. */
export type BulkSelection =
  | { readonly kind: "ids"; readonly targets: readonly { readonly tenant: string; readonly ids: readonly string[] }[] }
  | { readonly kind: "csv"; readonly text: string }
  | { readonly kind: "search"; readonly search: SearchSelection };

export interface CreateJobRequest {
  readonly action: string;
  readonly input: JsonObject;
  readonly selection: BulkSelection;
  readonly dryRun: boolean;
}

export interface BulkJobView {
  readonly id: string;
  readonly action: string;
  readonly state: BulkJobState;
  readonly source: BulkSource;
  readonly input: JsonObject;
  readonly createdBy: { readonly operatorId: string; readonly name: string };
  readonly createdAt: string;
  readonly tenantIds: readonly string[];
  readonly progress: BulkProgress;
}

export interface RejectedTarget {
  readonly row: number;
  readonly tenant: string;
  readonly target: string;
  readonly error: BulkItemError;
}

export type CreateJobAnswer =
  | { readonly kind: "job"; readonly job: BulkJobView; readonly rejected: readonly RejectedTarget[] }
  | { readonly kind: "dry-run"; readonly action: string; readonly items: readonly PlannedItem[]; readonly summary: Readonly<Record<PlannedItem["outcome"], number>> };

export type JobControl = "pause" | "resume" | "cancel" | "retry-failed";

type Access = Pick<OperatorAccess, "principal" | "canSee" | "visibility" | "hasScope" | "hasPlatformRole" | "decideAction" | "decideOnTarget">;

function viewOf(job: StoredBulkJob): BulkJobView {
  return {
    id: job.id,
    action: job.action,
    state: jobState(job.state, job.counts),
    source: job.source,
    input: job.template,
    createdBy: { operatorId: job.principal.operatorId, name: job.principal.name },
    createdAt: job.createdAt,
    tenantIds: job.tenantIds,
    progress: progressOf(job.state, job.counts),
  };
}

function refusal(status: number, code: string, message: string, fix?: string): ActionRefused {
  return new ActionRefused({ status, code, message, ...(fix ? { fix } : {}) });
}

const jobNotFound = (id: string) => refusal(404, "job_not_found", `There is no bulk job ${id} you can see.`);

/** The input field a selection came in: where a problem with it is reported. */
function selectionField(selection: BulkSelection): string {
  return selection.kind === "csv" ? "csv" : selection.kind === "search" ? "search" : "targets";
}

export function createBulkJobsService(deps: {
  /** The directory cache, for selections made by search. */
  pool: Pick<Pool, "query">;
  store: BulkJobsStore;
  runner: Pick<ActionRunner, "plan">;
  tenants: Pick<TenantsService, "get">;
  audit: Pick<AuditLog, "append">;
  /** Hands new work to the consumers now; without it the supervisors find it within seconds. */
  dispatch: () => Promise<void>;
}) {
  async function selectedTargets(access: Access, selection: BulkSelection, shape: BulkInputShape): Promise<SelectedTarget[]> {
    if (selection.kind === "csv") return csvSelection(selection.text, shape);
    if (selection.kind === "search") return searchSelection(deps.pool, access, selection.search, maxJobTargets);
    const targets: SelectedTarget[] = [];
    for (const { tenant, ids } of selection.targets) {
      // A tenant named outright must be one the operator sees, as in every other request.
      await deps.tenants.get(tenant, (tenantId) => access.canSee(tenantId));
      for (const id of ids) targets.push({ row: targets.length + 1, tenant, target: id.trim() });
    }
    return targets;
  }

  async function visibleJob(access: Access, id: string): Promise<StoredBulkJob> {
    const job = await deps.store.get(id);
    if (!job) throw jobNotFound(id);
    const seesEveryTenant = job.tenantIds.length > 0 && job.tenantIds.every((t) => access.canSee(t));
    if (job.principal.operatorId !== access.principal.operatorId && !seesEveryTenant) throw jobNotFound(id);
    return job;
  }

  return {
    async create(access: Access, actor: AuditActor, request: CreateJobRequest): Promise<CreateJobAnswer> {
      if (!access.hasScope("actions:write")) throw refusal(403, "operator_not_allowed", "This API token is not allowed to make changes (it lacks the scope actions:write).");
      const definition = catalog.find((action) => action.id === request.action);
      if (!definition) throw new ActionInputError("action", `No action ${request.action}; \`tenantry permissions\` lists them.`);
      if (holdsSecret(request.input)) throw new ActionRefused({ status: 422, field: "input", ...secretRefusal });
      const shape = bulkInputShape(definition, request.input);
      const selected = await selectedTargets(access, request.selection, shape);
      if (selected.length === 0) throw new ActionInputError(selectionField(request.selection), "No targets: give at least one user.");
      if (selected.length > maxJobTargets) throw new ActionInputError(selectionField(request.selection), `At most ${maxJobTargets} targets per job; split the selection.`);
      if (request.dryRun && selected.length > maxDryRunTargets) {
        throw new ActionInputError(selectionField(request.selection), `A dry run covers at most ${maxDryRunTargets} targets; dry-run a part of the selection.`);
      }
      if (request.selection.kind === "ids") refuseBadTemplate(definition, shape, request.input, selected[0]!.target);
      const check = createItemChecker({ tenants: deps.tenants, access });
      const items: NewBulkItem[] = [];
      for (const target of selected) items.push(await check(definition, shape, request.input, target));

      if (request.dryRun) {
        const planned = await planItems(deps.runner, { action: definition.id as ActionId, access }, items);
        const summary = { "would-change": 0, "would-refuse": 0, unchecked: 0 };
        for (const item of planned) summary[item.outcome]++;
        return { kind: "dry-run", action: definition.id, items: planned, summary };
      }

      const id = randomUUID();
      const source = request.selection.kind;
      const rejected = items.flatMap((i) => (i.refusal ? [{ row: i.row, tenant: i.tenant, target: i.target, error: i.refusal }] : []));
      await deps.store.create({ id, action: definition.id, template: request.input, source, principal: access.principal, items }, async (tx) => {
        await deps.audit.append(
          {
            actor,
            action: bulkJobAuditActions.create,
            target: { id, kind: "bulk-job", display: definition.title },
            inputs: { action: definition.id, input: request.input, source, targets: items.length, rejected: rejected.length },
            outcome: "succeeded",
          },
          tx,
        );
      });
      await deps.dispatch();
      return { kind: "job", job: viewOf((await deps.store.get(id))!), rejected };
    },

    async list(access: Access, limit: number, cursor?: string): Promise<{ value: BulkJobView[]; nextCursor: string | null }> {
      const before = cursor ? decodeCursor(cursor) : undefined;
      const jobs = await deps.store.list(access, limit + 1, before);
      const page = jobs.slice(0, limit);
      const last = page.at(-1);
      return { value: page.map(viewOf), nextCursor: jobs.length > limit && last ? encodeCursor(last) : null };
    },

    async get(access: Access, id: string): Promise<BulkJobView> {
      return viewOf(await visibleJob(access, id));
    },

    async items(access: Access, id: string, options: { state?: BulkItemState; limit: number; after?: string }): Promise<{ value: StoredBulkItem[]; nextCursor: string | null }> {
      await visibleJob(access, id);
      const items = await deps.store.items(id, { ...options, limit: options.limit + 1 });
      const page = items.slice(0, options.limit);
      return { value: page, nextCursor: items.length > options.limit ? (page.at(-1)?.id ?? null) : null };
    },

    /** Pause, resume, cancel or retry the failed items: the job's creator, or a Platform Administrator. */
    async control(access: Access, actor: AuditActor, id: string, control: JobControl): Promise<BulkJobView> {
      const job = await visibleJob(access, id);
      if (job.principal.operatorId !== access.principal.operatorId && !access.hasPlatformRole(platformRoleIds.platformAdministrator)) {
        throw refusal(403, "operator_not_allowed", `Only ${job.principal.name}, who created this job, or a Platform Administrator may ${control} it.`);
      }
      if (!access.hasScope("actions:write")) throw refusal(403, "operator_not_allowed", "This API token is not allowed to make changes (it lacks the scope actions:write).");
      let retried = 0;
      if (control === "pause") {
        if (!(await deps.store.setState(id, ["running"], "paused"))) throw refusal(409, "job_not_running", `The job is ${job.state}; only a running job can be paused.`);
      } else if (control === "resume") {
        if (!(await deps.store.setState(id, ["paused"], "running"))) throw refusal(409, "job_not_paused", `The job is ${job.state}; only a paused job can be resumed.`);
      } else if (control === "cancel") {
        if (!(await deps.store.cancel(id))) throw refusal(409, "job_cancelled", "The job is cancelled already.");
      } else {
        if (job.state === "cancelled") throw refusal(409, "job_cancelled", "The job is cancelled; create a new job for these users.");
        retried = await deps.store.retryFailed(id);
      }
      const action = { pause: bulkJobAuditActions.pause, resume: bulkJobAuditActions.resume, cancel: bulkJobAuditActions.cancel, "retry-failed": bulkJobAuditActions.retryFailed }[control];
      await deps.audit.append({ actor, action, target: { id, kind: "bulk-job", display: job.action }, inputs: control === "retry-failed" ? { items: retried } : {}, outcome: "succeeded" });
      if (control === "resume" || control === "retry-failed") await deps.dispatch();
      return viewOf((await deps.store.get(id))!);
    },
  };
}

/** A template every item would fail with (a misspelt property): answered at once, naming the field, rather than item by item. */
function refuseBadTemplate(definition: ActionDefinition, shape: BulkInputShape, template: JsonObject, someTarget: string): void {
  try {
    parseInput(definition.input, itemInput(shape, template, someTarget));
  } catch (error) {
    if (!(error instanceof ActionInputError) || error.field === shape.targetField) return;
    throw new ActionInputError(`input.${error.field}`, error.message.slice(error.field.length + 2));
  }
}

function encodeCursor(job: Pick<StoredBulkJob, "createdAt" | "id">): string {
  return Buffer.from(JSON.stringify([job.createdAt, job.id])).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, "base64url").toString()) as unknown[];
    if (typeof createdAt === "string" && typeof id === "string" && !Number.isNaN(Date.parse(createdAt)) && /^[0-9a-f-]{36}$/i.test(id)) return { createdAt, id };
  } catch {
    // answered below
  }
  throw new ActionInputError("cursor", "Not a cursor this API gave; use nextCursor from the previous page.");
}

export type BulkJobsService = ReturnType<typeof createBulkJobsService>;
