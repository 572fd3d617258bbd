// The tenant's subscribed licences for the user page's "Assign licence" dialog, through the catalog's
// licenses.list-subscribed-skus.
import { useQuery } from "@tanstack/react-query";
import type { SubscribedSku } from "../../../src/actions/reads/directory-read.ts";
import type { UserLicense } from "../../../src/actions/reads/user-details.ts";
import { actionIds } from "../../../src/catalog/action-ids.ts";
import { readAction } from "./user-action-run.ts";

export type { SubscribedSku, UserLicense };

export const subscribedSkusKey = (tenant: string) => ["subscribed-skus", tenant] as const;

/** The tenant's licences with their service plans and free seats. */
export function useSubscribedSkus(tenant: string) {
  return useQuery({
    queryKey: subscribedSkusKey(tenant),
    queryFn: async ({ signal }) => (await readAction<{ value: SubscribedSku[] }>(tenant, actionIds.licensesListSubscribedSkus, {}, signal)).value,
    staleTime: 30_000,
  });
}
