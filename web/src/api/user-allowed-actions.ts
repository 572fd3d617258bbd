import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { allowedActionsAnswerSchema } from "../../../src/api/allowed-actions-routes.ts";
import { api } from "./api-client.ts";

export type AllowedActions = z.infer<typeof allowedActionsAnswerSchema>;
export type AllowedAction = AllowedActions["value"][number];

export const allowedActionsKey = (tenant: string, userId: string) => ["user-allowed-actions", tenant, userId] as const;

/** What the signed-in operator may do to this user (active or deleted), and why not. */
export function useAllowedActions(tenant: string, userId: string) {
  return useQuery({
    queryKey: allowedActionsKey(tenant, userId),
    queryFn: ({ signal }) => api<AllowedActions>("GET", `/api/tenants/${encodeURIComponent(tenant)}/users/${encodeURIComponent(userId)}/allowed-actions`, { signal }),
  });
}

/** A refusal as one sentence with its fix. */
export function refusalText(answer: { readonly reason?: string | undefined; readonly fix?: string | undefined }): string {
  return [answer.reason, answer.fix].filter(Boolean).join(" ");
}
