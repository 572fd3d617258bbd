import type { Pool } from "pg";
import { z } from "zod";
import { createApiTokens } from "../access/api-tokens.ts";
import type { CustomRolesStore } from "../access/custom-roles-store.ts";
import type { OperatorsStore } from "../access/operators-store.ts";
import { platformRoles } from "../access/platform-roles.ts";
import { tokenScopes } from "../access/principal.ts";
import type { RoleAssignment, RoleAssignmentsStore } from "../access/role-assignments-store.ts";
import type { CreatingCredential, PersonalTokens } from "../access/personal-tokens.ts";
import type { TenantGroupsStore } from "../access/tenant-groups-store.ts";
import { entraRoleByTemplateId } from "../catalog/entra-role-data.ts";
import { errorSchema, guid, tokenSummarySchema } from "./api-schemas.ts";
import { sessionOf, tokenOf } from "./authentication.ts";
import { accessOf, actorOf } from "./request-caller.ts";
import type { ZodApp } from "./zod-app.ts";

const newToken = z.strictObject({
  name: z.string().trim().min(1).max(64).describe("what the token is for, e.g. the machine or script using it"),
  scopes: z.array(z.enum(tokenScopes)).min(1).max(tokenScopes.length).optional().describe("what the token may do; actions:read unless given"),
  expiresInDays: z.number().int().min(1).max(365).optional().describe("days until the token expires; 90 unless given"),
});

const heldRole = z.object({
  kind: z.enum(["entra", "custom"]),
  id: z.string(),
  displayName: z.string(),
  /** Held directly, or through an Entra group of the operator. */
  through: z.object({ kind: z.enum(["operator", "group"]), id: z.string() }),
});

const scopeSummary = z.object({
  kind: z.enum(["tenant", "tenant-group", "all", "all-except"]),
  tenantId: z.string().optional(),
  tenantGroup: z.object({ id: z.string(), name: z.string() }).optional(),
  exceptTenantIds: z.array(z.string()).readonly().optional(),
});

export const meSchema = z.object({
  operator: z.object({ id: z.string(), kind: z.enum(["person", "bootstrap"]), userPrincipalName: z.string(), displayName: z.string().nullable(), groupIds: z.array(z.string()).readonly() }),
  signedInWith: z.enum(["session", "token"]),
  /** Send in X-CSRF-Token with every change made with the session. */
  csrfToken: z.string().optional(),
  scopes: z.array(z.enum(tokenScopes)).readonly(),
  platformRoles: z.array(z.object({ id: z.string(), displayName: z.string() })).readonly(),
  tenantRoles: z.array(z.object({ scope: scopeSummary, roles: z.array(heldRole).readonly() })).readonly(),
});

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

function roleName(assignment: RoleAssignment, customNames: ReadonlyMap<string, string>): string {
  if (assignment.role.kind === "entra") return entraRoleByTemplateId(assignment.role.id)?.displayName ?? assignment.role.id;
  return customNames.get(assignment.role.id) ?? assignment.role.id;
}

function scopeOf(assignment: RoleAssignment, groupNames: ReadonlyMap<string, string>): z.infer<typeof scopeSummary> {
  const scope = assignment.scope;
  if (scope.kind === "tenant") return { kind: "tenant", tenantId: scope.tenantId };
  if (scope.kind === "tenant-group") return { kind: "tenant-group", tenantGroup: { id: scope.groupId, name: groupNames.get(scope.groupId) ?? scope.groupId } };
  if (scope.kind === "all-except") return { kind: "all-except", exceptTenantIds: [...scope.exceptTenantIds].sort() };
  return { kind: "all" };
}

/** The operator's tenant roles, one entry per scope with every role held in it. */
function tenantRolesOf(assignments: readonly RoleAssignment[], customNames: ReadonlyMap<string, string>, groupNames: ReadonlyMap<string, string>) {
  const byScope = new Map<string, { scope: z.infer<typeof scopeSummary>; roles: z.infer<typeof heldRole>[] }>();
  for (const assignment of assignments) {
    if (assignment.role.kind === "platform") continue;
    const scope = scopeOf(assignment, groupNames);
    const key = JSON.stringify(scope);
    const entry = byScope.get(key) ?? { scope, roles: [] };
    entry.roles.push({ kind: assignment.role.kind, id: assignment.role.id, displayName: roleName(assignment, customNames), through: assignment.principal });
    byScope.set(key, entry);
  }
  return [...byScope.values()];
}

export interface MeRouteDependencies {
  readonly pool: Pick<Pool, "query">;
  readonly personalTokens: PersonalTokens;
  readonly operators: Pick<OperatorsStore, "get">;
  readonly assignments: Pick<RoleAssignmentsStore, "ofPrincipal">;
  readonly customRoles: Pick<CustomRolesStore, "list">;
  readonly tenantGroups: Pick<TenantGroupsStore, "list">;
}

/** Who the caller is, what it holds, and its personal API tokens. */
export function registerMeRoutes(app: ZodApp, deps: MeRouteDependencies): void {
  const tags = ["me"];
  const tokens = createApiTokens({ pool: deps.pool });

  app.get("/api/me", { schema: { tags, summary: "The signed-in operator, its roles, and the CSRF token of its session", response: { 200: meSchema, ...errors } } }, async (request, reply) => {
    const { principal } = accessOf(request);
    const operator = await deps.operators.get(principal.operatorId);
    if (!operator) return reply.status(401).send({ error: { code: "unauthenticated", message: "This operator no longer exists." } });
    const assignments = await deps.assignments.ofPrincipal(principal.operatorId, principal.groupIds);
    const [custom, groups] = await Promise.all([
      assignments.some((a) => a.role.kind === "custom") ? deps.customRoles.list() : [],
      assignments.some((a) => a.scope.kind === "tenant-group") ? deps.tenantGroups.list() : [],
    ]);
    const held = new Set(assignments.filter((a) => a.role.kind === "platform").map((a) => a.role.id));
    const session = sessionOf(request);
    return {
      operator: { id: operator.id, kind: operator.kind, userPrincipalName: operator.userPrincipalName, displayName: operator.displayName, groupIds: principal.groupIds },
      signedInWith: session ? "session" : "token",
      ...(session ? { csrfToken: session.csrfToken } : {}),
      scopes: principal.scopes,
      platformRoles: platformRoles.filter((role) => held.has(role.id)).map((role) => ({ id: role.id, displayName: role.displayName })),
      tenantRoles: tenantRolesOf(assignments, new Map(custom.map((r) => [r.id, r.name])), new Map(groups.map((g) => [g.id, g.name]))),
    } as const;
  });

  app.get("/api/me/tokens", { schema: { tags, summary: "The caller's personal API tokens (never the tokens themselves)", response: { 200: z.object({ value: z.array(tokenSummarySchema) }), ...errors } } }, async (request) => ({
    value: await tokens.listOf(accessOf(request).principal.operatorId),
  }));

  app.post(
    "/api/me/tokens",
    {
      schema: {
        tags,
        summary: "Create a personal API token for the CLI or scripts",
        description: "The token is in `token`, in this answer only; Tenantry keeps only its hash. It acts with the operator's roles, limited to its scopes.",
        body: newToken,
        response: { 201: z.object({ token: z.string(), summary: tokenSummarySchema }), ...errors },
      },
    },
    async (request, reply) => {
      const token = tokenOf(request);
      const credential: CreatingCredential = token ? { kind: "token", expiresAt: token.expiresAt } : { kind: "session" };
      const body = { name: request.body.name, scopes: request.body.scopes ?? ["actions:read" as const], expiresInDays: request.body.expiresInDays ?? 90 };
      return reply.status(201).send(await deps.personalTokens.create(accessOf(request).principal, actorOf(request), credential, body));
    },
  );

  app.delete(
    "/api/me/tokens/:id",
    { schema: { tags, summary: "Revoke one of the caller's personal API tokens", params: z.strictObject({ id: guid }), response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      const revoked = await deps.personalTokens.revoke(accessOf(request).principal, actorOf(request), request.params.id);
      if (!revoked) return reply.status(404).send({ error: { code: "token_not_found", message: `You have no active API token with id ${request.params.id}.` } });
      return reply.status(204).send(null);
    },
  );
}
