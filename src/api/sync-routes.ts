import { z } from "zod";
import type { SyncStateStore } from "../directory/sync-state-store.ts";
import type { DirectorySyncJobs } from "../jobs/directory-sync-jobs.ts";
import type { TenantConnection } from "../tenants/connections-store.ts";
import type { TenantsService } from "../tenants/tenants-service.ts";
import { errorSchema, tenantKey } from "./api-schemas.ts";
import { accessOf, visibleTenant } from "./request-caller.ts";
import type { ZodApp } from "./zod-app.ts";

export interface SyncRouteDependencies {
  readonly tenants: Pick<TenantsService, "get" | "list">;
  readonly states: Pick<SyncStateStore, "get" | "list">;
  readonly jobs: Pick<DirectorySyncJobs, "requestSync">;
}

const tenantParams = z.strictObject({ tenant: tenantKey });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

export const syncStateSchema = z.object({
  tenantId: z.string(),
  displayName: z.string().nullable(),
  defaultDomain: z.string().nullable(),
  runningSince: z.string().nullable().describe("when the sync now running started; null when none is"),
  lastSuccessAt: z.string().nullable(),
  lastFullSyncAt: z.string().nullable(),
  lastKind: z.enum(["full", "delta"]).nullable(),
  lastDurationMs: z.number().nullable(),
  lastChanges: z.number().nullable().describe("users and groups written or removed by the last sync"),
  lastError: z
    .object({ step: z.string(), code: z.string(), message: z.string(), status: z.number().optional(), graphRequestId: z.string().optional(), fix: z.string().optional() })
    .nullable()
    .describe("why the last sync failed; cleared by the next one that succeeds"),
  lastErrorAt: z.string().nullable(),
  counts: z.object({ users: z.number(), deletedUsers: z.number(), groups: z.number(), groupMembers: z.number(), skus: z.number(), roleAssignments: z.number() }),
});

function withTenant(connection: TenantConnection) {
  return { displayName: connection.displayName, defaultDomain: connection.defaultDomain };
}

/** The directory cache's sync state per tenant, and syncs on request; any operator who sees a tenant may ask for one. */
export function registerSyncRoutes(app: ZodApp, deps: SyncRouteDependencies): void {
  app.get(
    "/api/sync",
    { schema: { tags: ["sync"], summary: "The directory sync state of every tenant the operator sees", response: { 200: z.object({ value: z.array(syncStateSchema) }), ...errors } } },
    async (request) => {
      const access = accessOf(request);
      const tenants = (await deps.tenants.list()).filter((t) => access.canSee(t.tenantId));
      const states = await deps.states.list(tenants.map((t) => t.tenantId));
      return { value: states.map((state, i) => ({ ...state, ...withTenant(tenants[i]!) })) };
    },
  );

  app.get(
    "/api/tenants/:tenant/sync",
    { schema: { tags: ["sync"], summary: "A tenant's directory sync state: last success, last error, what is cached", params: tenantParams, response: { 200: syncStateSchema, ...errors } } },
    async (request) => {
      const connection = await visibleTenant(request, deps.tenants, request.params.tenant);
      return { ...(await deps.states.get(connection.tenantId)), ...withTenant(connection) };
    },
  );

  app.post(
    "/api/tenants/:tenant/sync",
    {
      schema: {
        tags: ["sync"],
        summary: "Queue a sync of the tenant's directory now: a delta sync, or a full one",
        params: tenantParams,
        // Not strict: a body meant for another route is answered by the tenant check, not with what this one takes.
        body: z.object({ full: z.boolean().default(false).describe("read everything again instead of only what changed") }).default({ full: false }),
        response: {
          202: z.object({
            jobId: z.string().nullable().describe("null when a sync of this kind is queued already"),
            requestedAt: z.string().describe("a sync that started after this time includes every change made before the request"),
            state: syncStateSchema,
          }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const connection = await visibleTenant(request, deps.tenants, request.params.tenant);
      const requestedAt = new Date().toISOString();
      const jobId = await deps.jobs.requestSync(connection.tenantId, { full: request.body.full });
      return reply.status(202).send({ jobId, requestedAt, state: { ...(await deps.states.get(connection.tenantId)), ...withTenant(connection) } });
    },
  );
}
