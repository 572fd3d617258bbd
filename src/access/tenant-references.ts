// Tenants named in a request body (by id or domain) must be connected; an unknown one is refused naming its field.
import { ActionRefused } from "../actions/action-errors.ts";
import type { TenantConnection } from "../tenants/connections-store.ts";
import { TenantsError, type TenantsService } from "../tenants/tenants-service.ts";

export const tenantNameOf = (connection: TenantConnection) => connection.displayName ?? connection.defaultDomain ?? connection.tenantId;

export async function connectedTenant(tenants: Pick<TenantsService, "get">, tenant: string, field: string): Promise<TenantConnection> {
  return tenants.get(tenant).catch((error: unknown) => {
    if (!(error instanceof TenantsError) || error.status !== 404) throw error;
    throw new ActionRefused({ status: 404, code: "tenant_not_found", field, message: `${field}: tenant '${tenant}' is not connected.`, fix: "Give the id or a domain of a connected tenant (`tenantry tenants list`)." });
  });
}

/** Tenant ids of connected tenants, in order, without repeats. */
export async function connectedTenantIds(tenants: Pick<TenantsService, "get">, keys: readonly string[], field: string): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, key] of keys.entries()) ids.push((await connectedTenant(tenants, key, `${field}.${index}`)).tenantId);
  return [...new Set(ids)];
}
