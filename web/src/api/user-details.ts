import { useQuery } from "@tanstack/react-query";
import type { UserAdminRole, UserGroup, UserLicense } from "../../../src/actions/reads/user-details.ts";
import { actionIds } from "../../../src/catalog/action-ids.ts";
import { readAction } from "./user-action-run.ts";

/** What users.get answers: the user's properties by Graph name, and what the page shows around them. */
export interface UserDetails {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName: string | null;
  readonly accountEnabled: boolean | null;
  readonly userType: string | null;
  readonly sync: { readonly synced: boolean; readonly onPremisesLastSyncDateTime: string | null; readonly onPremisesDomainName: string | null; readonly onPremisesSamAccountName: string | null };
  readonly licenses: readonly UserLicense[];
  readonly groups: readonly UserGroup[];
  readonly manager: { readonly id: string; readonly displayName: string | null; readonly userPrincipalName: string | null; readonly mail: string | null } | null;
  readonly adminRoles: readonly UserAdminRole[];
  /** Every other property users.get reads (jobTitle, otherMails, createdDateTime...). */
  readonly [property: string]: unknown;
}

export const userDetailsKey = (tenant: string, userId: string) => ["user-details", tenant, userId] as const;

/** One user of one tenant, read from Graph through the catalog's users.get. */
export function useUserDetails(tenant: string, userId: string) {
  return useQuery({
    queryKey: userDetailsKey(tenant, userId),
    queryFn: ({ signal }) => readAction<UserDetails>(tenant, actionIds.usersGet, { userId }, signal),
  });
}
