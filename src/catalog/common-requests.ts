// Graph requests several actions share: reading the target for guards, audit values and verification.
import type { GraphRequestSpec } from "./action-definition.ts";

/** Why group reads use GroupMember.Read.All where Microsoft marks a basic permission least. */
export const groupReadsNotLeast =
  "Microsoft marks a narrower basic permission least here; GroupMember.Read.All reads groups and their members in full and serves every group read, so one permission covers them all.";

/** Before and after values for the audit log, the synced-user guard, and read-back verification. */
export const readUser: GraphRequestSpec = {
  method: "GET",
  path: "/users/{id}",
  permission: "User.Read.All",
  why: "Reads the user before and after a change: the audit log records both values, synced users are recognised, and the change is verified.",
  notLeastBecause:
    "User.ReadBasic.All covers only names, mail and photo; account state, licences, sync state and organisation properties need User.Read.All.",
  alternatives: ["User.ReadWrite.All", "Directory.Read.All"],
};

/** The user's manager: shown with the user, and read before and after the manager is changed. */
export const readUserManager: GraphRequestSpec = {
  method: "GET",
  path: "/users/{id}/manager",
  permission: "User.Read.All",
  why: "Shows the user's manager, and records it before and after a change of manager.",
  alternatives: ["User.ReadWrite.All", "Directory.Read.All"],
};

/** The target's admin roles, for Microsoft's rules on who may change administrators. */
export const readTargetRoleAssignments: GraphRequestSpec = {
  method: "GET",
  path: "/roleManagement/directory/roleAssignments",
  permission: "RoleManagement.Read.Directory",
  why: "Checks whether the target user holds an admin role, because Microsoft restricts who may reset the password of, or change, an administrator.",
  alternatives: ["Directory.Read.All"],
};

/** The target's groups, transitively: membership of a role-assignable group counts like an admin role. */
export const readTargetGroups: GraphRequestSpec = {
  method: "GET",
  path: "/users/{id}/transitiveMemberOf",
  permission: "GroupMember.Read.All",
  why: "Checks whether the target user belongs to a role-assignable group, which Microsoft protects like an admin role.",
  notLeastBecause:
    "Microsoft marks User.Read.All least, but with it Graph returns the user's groups with limited information (no name, no isAssignableToRole); GroupMember.Read.All reads the groups themselves. GET /users/{id}/memberOf would not do: it does not accept GroupMember.Read.All.",
  alternatives: ["Group.Read.All", "Directory.Read.All"],
};

/** Guards for an action on an existing user that Microsoft treats specially when the target is an administrator. */
export const userTargetGuardReads: readonly GraphRequestSpec[] = [readUser, readTargetRoleAssignments, readTargetGroups];

/** A group before and after a change, including whether it is synced or role-assignable. */
export const readGroup: GraphRequestSpec = {
  method: "GET",
  path: "/groups/{id}",
  permission: "GroupMember.Read.All",
  why: "Reads the group before and after a change: the audit log records both values, synced and role-assignable groups are recognised, and the change is verified.",
  alternatives: ["Group.Read.All", "Directory.Read.All"],
};

/** A group's direct members, to verify membership changes and to tell direct from inherited memberships. */
export const readGroupMembers: GraphRequestSpec = {
  method: "GET",
  path: "/groups/{id}/members",
  permission: "GroupMember.Read.All",
  why: "Lists a group's direct members, to show them, to tell direct memberships from inherited ones, and to verify membership changes.",
  notLeastBecause: groupReadsNotLeast,
  alternatives: ["Group.Read.All", "Directory.Read.All"],
};

/** The tenant's licences: part numbers to ids, service plans, seats. */
export const readSubscribedSkus: GraphRequestSpec = {
  method: "GET",
  path: "/subscribedSkus",
  permission: "LicenseAssignment.Read.All",
  why: "Reads the tenant's licences: which products it has, their service plans, and how many seats are free.",
  alternatives: ["Organization.Read.All", "Directory.Read.All"],
};
