import { z } from "zod";
import { decideUserActions } from "../access/user-allowed-actions.ts";
import { userRef } from "../catalog/input-schemas.ts";
import type { TenantsService } from "../tenants/tenants-service.ts";
import { errorSchema, tenantKey } from "./api-schemas.ts";
import { accessOf, requireReadScope, visibleTenant } from "./request-caller.ts";
import type { ZodApp } from "./zod-app.ts";

const params = z.strictObject({ tenant: tenantKey, user: userRef });

const refusalSchema = z.object({ code: z.string().max(64), reason: z.string().max(4000), fix: z.string().max(4000).optional() });

export const allowedActionSchema = z.object({
  action: z.string().max(64),
  title: z.string().max(200),
  allowed: z.boolean(),
  reason: z.string().max(4000).optional().describe("why not, when not allowed"),
  fix: z.string().max(4000).optional(),
  code: z.string().max(64).optional().describe("the code a run would be refused with"),
  properties: z
    .array(z.object({ property: z.string().max(64), allowed: z.boolean(), reason: z.string().max(4000).optional(), fix: z.string().max(4000).optional(), code: z.string().max(64).optional() }))
    .readonly()
    .optional()
    .describe("for actions whose properties need role actions of their own: each property on its own"),
});

export const allowedActionsAnswerSchema = z.object({
  tenantId: z.string().max(64),
  user: z.object({
    id: z.string().max(64),
    userPrincipalName: z.string().max(256),
    displayName: z.string().max(256).nullable(),
    deleted: z.boolean(),
    deletedDateTime: z.string().max(64).nullable(),
  }),
  value: z.array(allowedActionSchema).readonly(),
});

const flatten = (refusal: z.infer<typeof refusalSchema> | undefined) => (refusal ? { reason: refusal.reason, code: refusal.code, ...(refusal.fix ? { fix: refusal.fix } : {}) } : {});

/** Which write actions the caller may run on one user, and why not: decided as the action runner would, nothing run. */
export function registerAllowedActionsRoutes(app: ZodApp, deps: { tenants: Pick<TenantsService, "get" | "access"> }): void {
  app.get(
    "/api/tenants/:tenant/users/:user/allowed-actions",
    {
      schema: {
        tags: ["actions"],
        summary: "Which write actions you may run on this user (active or deleted), and for each one you may not, why and what to do",
        description:
          "Decided as a run would be: your role actions in the tenant, the tenant's consent, then the guards on the user (deleted or not, synced from on-premises, Microsoft's tables when it is an administrator). The user and its directory roles are read from Graph; nothing is changed.",
        params,
        response: { 200: allowedActionsAnswerSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 502: errorSchema },
      },
    },
    async (request) => {
      requireReadScope(request);
      const connection = await visibleTenant(request, deps.tenants, request.params.tenant);
      const answer = await decideUserActions(deps, accessOf(request), connection.tenantId, request.params.user);
      return {
        tenantId: answer.tenantId,
        user: answer.user,
        value: answer.actions.map((a) => ({
          action: a.action,
          title: a.title,
          allowed: a.allowed,
          ...flatten(a.refusal),
          ...(a.properties ? { properties: a.properties.map((p) => ({ property: p.property, allowed: p.allowed, ...flatten(p.refusal) })) } : {}),
        })),
      };
    },
  );
}
