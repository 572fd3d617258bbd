import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { tenantSummarySchema } from "../../../src/api/tenant-summary-routes.ts";
import { allTenants } from "../app/tenant-scope.tsx";
import { api } from "./api-client.ts";

export type TenantSummary = z.infer<typeof tenantSummarySchema>;

/** Users and licence seats from the directory cache: of every tenant the operator sees, or of one. */
export function useTenantSummaries(tenant: string) {
  return useQuery({
    queryKey: ["tenant-summaries", tenant],
    queryFn: async () =>
      tenant === allTenants
        ? (await api<{ value: TenantSummary[] }>("GET", "/api/tenants/summaries")).value
        : [await api<TenantSummary>("GET", `/api/tenants/${encodeURIComponent(tenant)}/summary`)],
    staleTime: 30_000,
  });
}
