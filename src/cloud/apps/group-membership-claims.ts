// The application's `groupMembershipClaims`: which memberships Entra writes into the tokens it issues
// for the app ("Microsoft Entra app manifest", groupMembershipClaims attribute).

export const groupMembershipClaimKinds = ["None", "SecurityGroup", "DirectoryRole", "ApplicationGroup", "All"] as const;
export type GroupMembershipClaimKind = (typeof groupMembershipClaimKinds)[number];

const byLowerCase = new Map<string, GroupMembershipClaimKind>(groupMembershipClaimKinds.map((kind) => [kind.toLowerCase(), kind]));

/**
 * The kinds a stored value asks for, or undefined when it is not a valid value. Graph keeps one string; the
 * portal writes several choices comma-separated ("SecurityGroup, ApplicationGroup"); Entra reads them case-insensitively.
 */
export function groupMembershipClaimsKinds(value: string | null | undefined): ReadonlySet<GroupMembershipClaimKind> | undefined {
  if (value === null || value === undefined) return new Set();
  const kinds = new Set<GroupMembershipClaimKind>();
  for (const part of value.split(",")) {
    const kind = byLowerCase.get(part.trim().toLowerCase());
    if (!kind) return undefined;
    kinds.add(kind);
  }
  return kinds;
}

export const groupMembershipClaimsHint = `must be ${groupMembershipClaimKinds.join(", ")}, or several of them separated by commas`;
