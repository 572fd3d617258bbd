import { groupMembershipClaimsKinds } from "../apps/group-membership-claims.ts";
import type { ApplicationRecord, UserRecord } from "../directory/model.ts";
import type { TenantDirectory } from "../directory/tenant-directory.ts";

/** Above this many groups a JWT carries a link to Graph instead of the `groups` claim ("Groups overage claim"). */
export const jwtGroupsLimit = 200;

/**
 * The membership claims of a person's ID token, as the app's `groupMembershipClaims` asks: `groups` holds the
 * object ids of the groups the user belongs to directly or through nested groups (security groups only for
 * SecurityGroup, every group for All), `wids` the user's directory role templates. Empty claims are left out,
 * as Entra leaves them out. ApplicationGroup adds nothing: the local cloud cannot assign groups to applications.
 */
export function groupMembershipClaims(tenant: TenantDirectory, user: UserRecord, app: ApplicationRecord, graphBaseUrl: string): Record<string, unknown> {
  const kinds = groupMembershipClaimsKinds(app.groupMembershipClaims) ?? new Set();
  const claims: Record<string, unknown> = {};
  if (kinds.has("SecurityGroup") || kinds.has("DirectoryRole") || kinds.has("All")) {
    const wids = [...tenant.rolesOf(user.id)].sort();
    if (wids.length > 0) claims.wids = wids;
  }
  if (!kinds.has("SecurityGroup") && !kinds.has("All")) return claims;
  const groups = tenant.activeTransitiveGroupsOf(user.id, !kinds.has("All"));
  if (groups.length > jwtGroupsLimit) {
    claims._claim_names = { groups: "src1" };
    claims._claim_sources = { src1: { endpoint: `${graphBaseUrl}/v1.0/users/${user.id}/getMemberObjects` } };
  } else if (groups.length > 0) {
    claims.groups = groups.sort();
  }
  return claims;
}
