import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "./api-client.ts";
import type { Tenant } from "./tenants.ts";

/** Checks a tenant's consent health now (Platform Administrators); the tenants list shows the new health at once. */
export function useCheckConsent(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<Tenant>("POST", `/api/tenants/${encodeURIComponent(tenantId)}/check`),
    onSuccess: (checked) => {
      queryClient.setQueryData<Tenant[]>(["tenants"], (tenants) => tenants?.map((t) => (t.tenantId === checked.tenantId ? checked : t)));
    },
  });
}
