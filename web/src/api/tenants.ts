import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import type { z } from "zod";
import type { tenantSchema } from "../../../src/api/api-schemas.ts";
import { api } from "./api-client.ts";

export type Tenant = z.infer<typeof tenantSchema>;

/** The connected tenants the operator sees, with their consent health. */
export function useTenants() {
  return useQuery({
    queryKey: ["tenants"],
    queryFn: async () => (await api<{ value: Tenant[] }>("GET", "/api/tenants")).value,
    staleTime: 30_000,
  });
}

export function tenantName(tenant: Pick<Tenant, "displayName" | "defaultDomain" | "tenantId">): string {
  return tenant.displayName ?? tenant.defaultDomain ?? tenant.tenantId;
}

/** A tenant's name for a tenant as given (an id or a domain) and the id it was found to be, when it was. */
export function useTenantLabel(): (given: string, tenantId?: string | null) => string {
  const tenants = useTenants();
  const names = useMemo(() => new Map((tenants.data ?? []).map((t) => [t.tenantId, tenantName(t)])), [tenants.data]);
  return useCallback((given, tenantId) => names.get(tenantId ?? given) ?? names.get(given.toLowerCase()) ?? given, [names]);
}
