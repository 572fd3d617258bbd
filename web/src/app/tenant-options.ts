import { tenantName, useTenants } from "../api/tenants.ts";
import { allTenants } from "./tenant-scope.tsx";

export interface TenantOption {
  /** A tenant id, or allTenants. */
  readonly id: string;
  readonly label: string;
}

/** The choices of a tenant dropdown: all tenants, then each tenant the operator sees, by name. */
export function useTenantOptions(): TenantOption[] {
  const tenants = useTenants();
  return [{ id: allTenants, label: "All tenants" }, ...(tenants.data ?? []).map((t) => ({ id: t.tenantId, label: tenantName(t) }))];
}
