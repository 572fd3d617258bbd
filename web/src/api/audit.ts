import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import type { entrySchema, verifySchema } from "../../../src/api/audit-routes.ts";
import { api, withQuery } from "./api-client.ts";

export type AuditEntry = z.infer<typeof entrySchema>;
export type AuditVerification = z.infer<typeof verifySchema>;

export const auditOutcomes = ["requested", "succeeded", "failed", "denied"] as const satisfies readonly AuditEntry["outcome"][];

/** The filters GET /api/audit takes; empty ones are left out. */
export interface AuditFilters {
  readonly tenant?: string;
  readonly actor?: string;
  readonly target?: string;
  readonly action?: string;
  readonly outcome?: AuditEntry["outcome"];
  /** ISO 8601, inclusive. */
  readonly since?: string;
  /** ISO 8601, exclusive. */
  readonly until?: string;
}

const pageSize = 50;

/** Matching entries, newest first, a page at a time. */
export function useAuditEntries(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ["audit", filters],
    queryFn: ({ pageParam, signal }) =>
      api<{ value: AuditEntry[]; nextCursor: string | null }>("GET", withQuery("/api/audit", { ...filters, limit: pageSize, cursor: pageParam }), { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // New filters keep the rows shown until their own answer comes.
    placeholderData: (previous) => previous,
  });
}

/** Recomputes the hash chain on the server. */
export function useAuditVerification() {
  return useMutation({ mutationFn: () => api<AuditVerification>("POST", "/api/audit/verify") });
}
