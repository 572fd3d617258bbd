import type { Pool } from "pg";
import { z } from "zod";
import { readTenantSummaries } from "../directory/tenant-summary.ts";
import type { TenantsService } from "../tenants/tenants-service.ts";
import { errorSchema, tenantKey } from "./api-schemas.ts";
import { accessOf, visibleTenant } from "./request-caller.ts";
import type { ZodApp } from "./zod-app.ts";

const tenantParams = z.strictObject({ tenant: tenantKey });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

export const tenantSummarySchema = z.object({
  tenantId: z.string().max(36),
  userCounts: z
    .object({ users: z.number(), enabled: z.number(), guests: z.number(), synced: z.number(), licensed: z.number() })
    .describe("users in the cache, deleted ones left out: those who can sign in, guests, synced from on-premises, with a licence"),
  skus: z
    .array(
      z.object({
        skuId: z.string().max(36),
        skuPartNumber: z.string().max(128),
        productName: z.string().max(256),
        capabilityStatus: z.string().max(64).nullable(),
        consumedUnits: z.number().describe("licences assigned"),
        enabledUnits: z.number().describe("licences bought and active"),
      }),
    )
    .readonly()
    .describe("the tenant's subscribed SKUs as the last sync read them"),
});

/** Each tenant at a glance from the directory cache, for the tenants the operator sees. */
export function registerTenantSummaryRoutes(app: ZodApp, deps: { pool: Pick<Pool, "query">; tenants: Pick<TenantsService, "get" | "list"> }): void {
  app.get(
    "/api/tenants/summaries",
    { schema: { tags: ["tenants"], summary: "Users and licences (used/available per SKU) of every tenant you see, from the directory cache", response: { 200: z.object({ value: z.array(tenantSummarySchema) }), ...errors } } },
    async (request) => {
      const access = accessOf(request);
      const tenants = (await deps.tenants.list()).filter((t) => access.canSee(t.tenantId));
      return { value: await readTenantSummaries(deps.pool, tenants.map((t) => t.tenantId)) };
    },
  );

  app.get(
    "/api/tenants/:tenant/summary",
    { schema: { tags: ["tenants"], summary: "A tenant's users and licences (used/available per SKU), from the directory cache", params: tenantParams, response: { 200: tenantSummarySchema, ...errors } } },
    async (request) => {
      const connection = await visibleTenant(request, deps.tenants, request.params.tenant);
      const [summary] = await readTenantSummaries(deps.pool, [connection.tenantId]);
      return summary!;
    },
  );
}
