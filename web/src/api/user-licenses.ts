// The tenant's subscribed licences for the user page's "Assign licence" dialog, through the catalog's
// licenses.list-subscribed-skus, and catalog reads in general for the licences and groups panels.
import { useQuery } from "@tanstack/react-query";
import type { SubscribedSku } from "../../../src/actions/reads/directory-read.ts";
import type { UserLicense } from "../../../src/actions/reads/user-details.ts";
import { type ActionId, actionIds } from "../../../src/catalog/action-ids.ts";
import { api } from "./api-client.ts";

export type { SubscribedSku, UserLicense };

/** Runs a catalog read action and gives its data. */
export async function readAction<T>(tenant: string, action: ActionId, input: object, signal?: AbortSignal): Promise<T> {
  return (await api<{ data: T }>("POST", `/api/tenants/${encodeURIComponent(tenant)}/actions/${action}`, { body: input, ...(signal ? { signal } : {}) })).data;
}

export const subscribedSkusKey = (tenant: string) => ["subscribed-skus", tenant] as const;

/** The tenant's licences with their service plans and free seats. */
export function useSubscribedSkus(tenant: string) {
  return useQuery({
    queryKey: subscribedSkusKey(tenant),
    queryFn: async ({ signal }) => (await readAction<{ value: SubscribedSku[] }>(tenant, actionIds.licensesListSubscribedSkus, {}, signal)).value,
    staleTime: 30_000,
  });
}
