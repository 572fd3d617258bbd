import { Readable } from "node:stream";
import { z } from "zod";
import type { OperatorAccess } from "../access/operator-access.ts";
import { platformRoleIds } from "../access/platform-roles.ts";
import type { AuditFilters } from "../audit/audit-filters.ts";
import { auditOutcomes, auditVias } from "../audit/audit-entry.ts";
import { type AuditLog, maxAuditPage } from "../audit/audit-log.ts";
import { type TenantsService, tenantNotConnected } from "../tenants/tenants-service.ts";
import { errorSchema, tenantKey } from "./api-schemas.ts";
import { accessOf } from "./request-caller.ts";
import type { ZodApp } from "./zod-app.ts";

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

const filtersQuery = z.strictObject({
  tenant: tenantKey.optional().describe("tenant id or domain"),
  actor: z.string().min(1).max(256).optional().describe("operator name or id"),
  target: z.string().min(1).max(256).optional().describe("target id, or text in its display name"),
  action: z.string().min(1).max(128).optional(),
  outcome: z.enum(auditOutcomes).optional(),
  since: z.iso.datetime({ offset: true }).optional().describe("from this time, inclusive (ISO 8601)"),
  until: z.iso.datetime({ offset: true }).optional().describe("up to this time, exclusive (ISO 8601)"),
});

const listQuery = filtersQuery.extend({
  cursor: z.string().regex(/^\d{1,19}$/, "must be the nextCursor of a previous page").optional(),
  limit: z.coerce.number().int().min(1).max(maxAuditPage).default(100),
  order: z.enum(["asc", "desc"]).default("desc"),
});

const exportQuery = filtersQuery.extend({ format: z.enum(["csv", "json"]) });

const jsonObject = z.record(z.string(), z.unknown());
export const entrySchema = z.object({
  sequence: z.number(),
  id: z.string(),
  occurredAt: z.string(),
  actor: z.object({ operatorId: z.string().optional(), name: z.string(), via: z.enum(auditVias) }),
  action: z.string(),
  tenantId: z.string().nullable(),
  target: z.object({ id: z.string().optional(), kind: z.string(), display: z.string().optional() }).nullable(),
  inputs: jsonObject,
  before: jsonObject.nullable(),
  after: jsonObject.nullable(),
  outcome: z.enum(auditOutcomes),
  error: jsonObject.nullable(),
  graphRequestIds: z.array(z.string()).readonly(),
  durationMs: z.number().nullable(),
  correlationId: z.string(),
  previousHash: z.string(),
  hash: z.string(),
});

export const verifySchema = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), entries: z.number(), head: z.object({ sequence: z.number(), hash: z.string() }).nullable() }),
  z.object({ ok: z.literal(false), entries: z.number(), firstBadSequence: z.number(), reason: z.enum(["edited", "deleted", "reordered", "inserted"]), message: z.string() }),
]);

/** Read-only routes over the audit log; entries are written by the action runner, never here. */
export function registerAuditRoutes(app: ZodApp, audit: AuditLog, tenants: Pick<TenantsService, "get">): void {
  /** An Auditor (or Platform Administrator) reads every entry; other operators those of the tenants they see. */
  // A tenant id is taken as is, so that the history of a disconnected tenant stays reachable.
  async function filtersOf(query: z.infer<typeof filtersQuery>, access: OperatorAccess): Promise<AuditFilters> {
    const tenantId = query.tenant === undefined ? undefined : guidPattern.test(query.tenant) ? query.tenant.toLowerCase() : (await tenants.get(query.tenant)).tenantId;
    if (tenantId && !access.isAuditor() && !access.canSee(tenantId)) throw tenantNotConnected(tenantId);
    return {
      ...(tenantId ? { tenantId } : {}),
      ...(query.actor ? { actor: query.actor } : {}),
      ...(query.target ? { target: query.target } : {}),
      ...(query.action ? { action: query.action } : {}),
      ...(query.outcome ? { outcome: query.outcome } : {}),
      ...(query.since ? { from: new Date(query.since) } : {}),
      ...(query.until ? { to: new Date(query.until) } : {}),
      ...(access.isAuditor() ? {} : { visibleTenants: access.visibility() }),
    };
  }

  app.get(
    "/api/audit",
    {
      schema: {
        tags: ["audit"],
        summary: "Audit entries matching the filters, newest first unless order=asc, a page at a time",
        querystring: listQuery,
        response: { 200: z.object({ value: z.array(entrySchema), nextCursor: z.string().nullable() }), ...errors },
      },
    },
    async (request) => {
      const { cursor, limit, order } = request.query;
      const page = await audit.list(await filtersOf(request.query, accessOf(request)), { limit, order, ...(cursor ? { cursor } : {}) });
      return { value: page.entries, nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/api/audit/export",
    { schema: { tags: ["audit"], summary: "Every matching audit entry, oldest first, as a CSV or JSON download", querystring: exportQuery } },
    async (request, reply) => {
      const filters = await filtersOf(request.query, accessOf(request));
      const csv = request.query.format === "csv";
      return reply
        .type(csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8")
        .header("content-disposition", `attachment; filename="tenantry-audit.${request.query.format}"`)
        .send(Readable.from(csv ? audit.exportCsv(filters) : audit.exportJson(filters)));
    },
  );

  app.post(
    "/api/audit/verify",
    { config: { requires: platformRoleIds.auditor }, schema: { tags: ["audit"], summary: "Recompute the hash chain and report the first entry edited, deleted, reordered or inserted", response: { 200: verifySchema, ...errors } } },
    async () => audit.verify(),
  );
}
