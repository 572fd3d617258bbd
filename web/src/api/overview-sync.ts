import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { syncStateSchema } from "../../../src/api/sync-routes.ts";
import { allTenants } from "../app/tenant-scope.tsx";
import { api } from "./api-client.ts";

export type SyncState = z.infer<typeof syncStateSchema>;

export interface SyncRequested {
  readonly jobId: string | null;
  readonly requestedAt: string;
  readonly state: SyncState;
}

/** The directory sync state of every tenant the operator sees, or of one. */
export function useSyncStates(tenant: string) {
  return useQuery({
    queryKey: ["sync", tenant],
    queryFn: async () =>
      tenant === allTenants ? (await api<{ value: SyncState[] }>("GET", "/api/sync")).value : [await api<SyncState>("GET", `/api/tenants/${encodeURIComponent(tenant)}/sync`)],
    staleTime: 10_000,
    refetchInterval: 30_000,
  });
}

/** Queues a delta sync of a tenant now. */
export function useSyncNow(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<SyncRequested>("POST", `/api/tenants/${encodeURIComponent(tenantId)}/sync`, { body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["sync"] }),
  });
}

/**
 * How the sync asked for at `requestedAt` ended, once it has: a sync that started after the request succeeded,
 * or one failed after it. A sync already running when it was asked for does not count.
 */
function syncOutcomeAfter(state: SyncState | undefined, requestedAt: string): "succeeded" | "failed" | undefined {
  if (!state || state.runningSince) return undefined;
  const asked = Date.parse(requestedAt);
  if (state.lastSuccessAt && Date.parse(state.lastSuccessAt) - (state.lastDurationMs ?? 0) >= asked) return "succeeded";
  if (state.lastErrorAt && Date.parse(state.lastErrorAt) >= asked) return "failed";
  return undefined;
}

/** Follows a requested sync of one tenant until it is over; then the overview's states and summaries are read again. */
export function useAwaitedSync(tenantId: string, requestedAt: string | undefined) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ["sync-awaited", tenantId, requestedAt],
    enabled: requestedAt !== undefined,
    queryFn: async () => {
      const state = await api<SyncState>("GET", `/api/tenants/${encodeURIComponent(tenantId)}/sync`);
      const outcome = requestedAt ? syncOutcomeAfter(state, requestedAt) : undefined;
      if (outcome) {
        void queryClient.invalidateQueries({ queryKey: ["sync"] });
        void queryClient.invalidateQueries({ queryKey: ["tenant-summaries"] });
      }
      return { state, outcome };
    },
    refetchInterval: (query) => (query.state.data?.outcome ? false : 1_000),
  });
}
