import type { FastifyRequest } from "fastify";
import type { OperatorAccess } from "../access/operator-access.ts";
import { type PlatformRoleId, platformRoleIds, platformRoles } from "../access/platform-roles.ts";
import { ActionRefused } from "../actions/action-errors.ts";
import type { AuditActor, AuditVia } from "../audit/audit-entry.ts";
import type { TenantConnection } from "../tenants/connections-store.ts";
import { type TenantsService, tenantNotConnected } from "../tenants/tenants-service.ts";

const callers = new WeakMap<FastifyRequest, OperatorAccess>();

/** Remembers who the authentication hook found behind a request, with what the operator may do. */
export function setCaller(request: FastifyRequest, access: OperatorAccess): void {
  callers.set(request, access);
}

export function hasCaller(request: FastifyRequest): boolean {
  return callers.has(request);
}

/** What the request's operator may do; every route but the public ones has one. */
export function accessOf(request: FastifyRequest): OperatorAccess {
  const access = callers.get(request);
  if (!access) throw new Error("accessOf called on a request that was not authenticated.");
  return access;
}

/** The audit actor of a request: who, and through which door (the CLI and the console say so in a header). */
export function actorOf(request: FastifyRequest): AuditActor {
  const { principal } = accessOf(request);
  const client = request.headers["x-tenantry-client"];
  const via: AuditVia = client === "cli" || client === "console" ? client : "api";
  return { operatorId: principal.operatorId, name: principal.name, via };
}

/** Refuses the request unless its operator holds the platform role (Auditor is also met by Platform Administrator). */
export function requirePlatformRole(request: FastifyRequest, role: PlatformRoleId): void {
  const access = accessOf(request);
  const allowed = role === platformRoleIds.auditor ? access.isAuditor() : access.hasPlatformRole(role);
  if (allowed) return;
  const name = platformRoles.find((r) => r.id === role)?.displayName ?? role;
  throw new ActionRefused({ status: 403, code: "forbidden", message: `This needs the Tenantry role ${name}, which ${access.principal.name} does not hold (or this API token lacks the scope for it).`, fix: "Ask a Platform Administrator to assign the role." });
}

/** Refuses a credential without the scope actions:read (reads outside the catalog's own actions). */
export function requireReadScope(request: FastifyRequest): void {
  if (accessOf(request).hasScope("actions:read")) return;
  throw new ActionRefused({ status: 403, code: "forbidden", message: "This API token is not allowed to read (it lacks the scope actions:read).", fix: "Use a token with the scope actions:read." });
}

/** A connected tenant the request's operator sees; one it has no role in is answered like one that is not connected. */
export async function visibleTenant(request: FastifyRequest, tenants: Pick<TenantsService, "get">, tenant: string): Promise<TenantConnection> {
  const connection = await tenants.get(tenant);
  if (!accessOf(request).canSee(connection.tenantId)) throw tenantNotConnected(tenant);
  return connection;
}
