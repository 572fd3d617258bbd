// Tenant groups: named sets of tenants that role assignments may be scoped to.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { tenantGroupSchema } from "../../../src/api/access-schemas.ts";
import { api } from "./api-client.ts";

export type TenantGroup = z.infer<typeof tenantGroupSchema>;

const tenantGroupsKey = ["access", "tenant-groups"] as const;

export function useTenantGroups() {
  return useQuery({ queryKey: tenantGroupsKey, queryFn: async () => (await api<{ value: TenantGroup[] }>("GET", "/api/tenant-groups")).value, staleTime: 30_000 });
}

/** Creates the group, or replaces its tenants. */
export function usePutTenantGroup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ name, tenants }: { name: string; tenants: readonly string[] }) => api<TenantGroup>("PUT", `/api/tenant-groups/${encodeURIComponent(name)}`, { body: { tenants } }),
    onSuccess: () => client.invalidateQueries({ queryKey: tenantGroupsKey }),
  });
}
