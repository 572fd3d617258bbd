import { useQuery } from "@tanstack/react-query";
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
