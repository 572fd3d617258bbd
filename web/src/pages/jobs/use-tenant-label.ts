import { useCallback, useMemo } from "react";
import { tenantName, useTenants } from "../../api/tenants.ts";

/** A tenant's name for a tenant as given (an id or a domain) and the id it was found to be, when it was. */
export function useTenantLabel(): (given: string, tenantId?: string | null) => string {
  const tenants = useTenants();
  const names = useMemo(() => new Map((tenants.data ?? []).map((t) => [t.tenantId, tenantName(t)])), [tenants.data]);
  return useCallback((given, tenantId) => names.get(tenantId ?? given) ?? names.get(given.toLowerCase()) ?? given, [names]);
}
