// A group's kind and membership in Microsoft's admin center words, from the properties users.get gives.
import type { UserGroup } from "../../../../src/actions/reads/user-details.ts";

export function groupKind(group: Pick<UserGroup, "groupTypes" | "securityEnabled" | "mailEnabled">): string {
  if (group.groupTypes.includes("Unified")) return "Microsoft 365";
  if (group.securityEnabled && group.mailEnabled) return "Mail-enabled security";
  if (group.securityEnabled) return "Security";
  if (group.mailEnabled) return "Distribution";
  return "Other";
}

export function isDynamic(group: Pick<UserGroup, "groupTypes">): boolean {
  return group.groupTypes.includes("DynamicMembership");
}
