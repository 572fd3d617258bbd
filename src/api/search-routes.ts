import type { Pool } from "pg";
import { z } from "zod";
import { defaultSearchLimit, maxSearchLimit, maxSearchTextLength, userSearchSorts } from "../directory/search-query.ts";
import { skuIdsOf } from "../directory/search-skus.ts";
import { searchUsers } from "../directory/search-users.ts";
import type { TenantsService } from "../tenants/tenants-service.ts";
import { errorSchema, guid, tenantKey } from "./api-schemas.ts";
import { accessOf, requireReadScope, visibleTenant } from "./request-caller.ts";
import type { ZodApp } from "./zod-app.ts";

const yesNo = z.enum(["true", "false"]);

const searchQuery = z.strictObject({
  q: z.string().max(maxSearchTextLength).optional().describe("start of (one or two characters) or text within (three or more) a display name, user name or mail; any case"),
  tenant: tenantKey.optional().describe("only this tenant: its id or a domain"),
  enabled: yesNo.optional().describe("true: users who can sign in; false: blocked users"),
  licensed: yesNo.optional().describe("true: users with a licence; false: users without one"),
  sku: z.string().min(1).max(64).optional().describe("users licensed with this SKU: a part number such as SPE_E3, or a SKU id"),
  synced: yesNo.optional().describe("true: synced from on-premises Active Directory; false: cloud users"),
  guest: yesNo.optional().describe("true: guests; false: members"),
  adminRole: z.union([z.literal("any"), guid]).optional().describe("holders of any directory role, or of this one (role template id)"),
  deleted: yesNo.optional().describe("true: only users among the deleted items (left out otherwise)"),
  sort: z.enum(userSearchSorts).default("displayName"),
  order: z.enum(["asc", "desc"]).default("asc"),
  limit: z.coerce.number().int().min(1).max(maxSearchLimit).default(defaultSearchLimit),
  cursor: z.string().min(1).max(4096).optional().describe("the nextCursor of the previous page of the same search"),
});

export const rowSchema = z.object({
  tenantId: z.string(),
  tenantName: z.string(),
  id: z.string(),
  userPrincipalName: z.string(),
  displayName: z.string().nullable(),
  mail: z.string().nullable(),
  accountEnabled: z.boolean().nullable(),
  userType: z.string().nullable(),
  synced: z.boolean(),
  jobTitle: z.string().nullable(),
  department: z.string().nullable(),
  usageLocation: z.string().nullable(),
  skuIds: z.array(z.string()).readonly(),
  licenses: z.array(z.string()).readonly(),
  adminRoleIds: z.array(z.string()).readonly(),
  deletedAt: z.string().nullable(),
});

/** Search across tenants, over the directory cache, limited to the tenants the operator sees. */
export function registerSearchRoutes(app: ZodApp, deps: { pool: Pick<Pool, "query">; tenants: Pick<TenantsService, "get"> }): void {
  app.get(
    "/api/users/search",
    {
      schema: {
        tags: ["directory"],
        summary: "Search users across the tenants you see, from the directory cache, a page at a time",
        querystring: searchQuery,
        response: { 200: z.object({ value: z.array(rowSchema).readonly(), nextCursor: z.string().nullable() }), 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (request) => {
      requireReadScope(request);
      const query = request.query;
      const tenantId = query.tenant === undefined ? undefined : (await visibleTenant(request, deps.tenants, query.tenant)).tenantId;
      const filters = {
        ...(tenantId ? { tenantId } : {}),
        ...(query.enabled ? { enabled: query.enabled === "true" } : {}),
        ...(query.licensed ? { licensed: query.licensed === "true" } : {}),
        ...(query.sku ? { licensedWithSku: await skuIdsOf(deps.pool, query.sku, "sku") } : {}),
        ...(query.synced ? { synced: query.synced === "true" } : {}),
        ...(query.guest ? { guest: query.guest === "true" } : {}),
        ...(query.adminRole ? { adminRole: query.adminRole.toLowerCase() } : {}),
        ...(query.deleted ? { deleted: query.deleted === "true" } : {}),
      };
      return searchUsers(deps.pool, {
        ...(query.q !== undefined ? { text: query.q } : {}),
        visibleTenants: accessOf(request).visibility(),
        filters,
        sort: query.sort,
        order: query.order,
        limit: query.limit,
        ...(query.cursor ? { cursor: query.cursor } : {}),
      });
    },
  );
}
