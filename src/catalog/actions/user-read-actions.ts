// Reading users: list and search one tenant's users, read one user with its licences, groups, manager and roles.
import { z } from "zod";
import { defineAction } from "../action-definition.ts";
import { actionIds } from "../action-ids.ts";
import { readTargetGroups, readTargetRoleAssignments, readUser, readUserManager } from "../common-requests.ts";
import { listQuery, userRef } from "../input-schemas.ts";
import { moduleIds } from "../module-ids.ts";
import { roleActions } from "../role-actions.ts";

const fullProfileNotLeast = readUser.notLeastBecause;

export const usersListInput = z.strictObject({
  ...listQuery,
  accountEnabled: z.boolean().optional(),
  userType: z.enum(["Member", "Guest"]).optional(),
  /** true: synced from on-premises Active Directory; false: cloud only. */
  synced: z.boolean().optional(),
  licensed: z.boolean().optional(),
});
export type UsersListInput = z.infer<typeof usersListInput>;

export const usersList = defineAction({
  id: actionIds.usersList,
  title: "List and search users",
  description: "Lists the users of one tenant, searchable by name, user name or mail, with account state, licences and sync state.",
  module: moduleIds.reporting,
  kind: "read",
  input: usersListInput,
  graph: [
    {
      method: "GET",
      path: "/users",
      permission: "User.Read.All",
      why: "Lists users with their account state, licences and sync state for the user list and search.",
      notLeastBecause: fullProfileNotLeast,
      alternatives: ["User.ReadWrite.All", "Directory.Read.All"],
    },
    {
      method: "GET",
      path: "/users/delta",
      permission: "User.Read.All",
      why: "Fetches only the users that changed since the last sync, so the local search cache stays current without reading every user again.",
      alternatives: ["User.ReadWrite.All", "Directory.Read.All"],
    },
  ],
  operatorRoleActions: [roleActions.usersStandardRead],
  guards: {},
});

export const usersGetInput = z.strictObject({ userId: userRef });
export type UsersGetInput = z.infer<typeof usersGetInput>;

export const usersGet = defineAction({
  id: actionIds.usersGet,
  title: "Read a user",
  description: "Reads one user with its licences and service plans, groups, manager, admin roles and sync state.",
  module: moduleIds.reporting,
  kind: "read",
  input: usersGetInput,
  graph: [
    { ...readUser, why: "Reads the user's profile, account state, assigned licences and whether it is synced from on-premises." },
    {
      method: "GET",
      path: "/users/{id}/licenseDetails",
      permission: "LicenseAssignment.Read.All",
      why: "Shows the user's licences with the state of each service plan.",
      alternatives: ["User.Read.All", "Directory.Read.All"],
    },
    { ...readTargetGroups, why: "Lists the groups the user belongs to, directly or through nested groups." },
    { ...readUserManager, why: "Shows the user's manager." },
    { ...readTargetRoleAssignments, why: "Lists the admin roles assigned to the user." },
  ],
  operatorRoleActions: [
    roleActions.usersStandardRead,
    roleActions.usersLicenseDetailsRead,
    roleActions.usersMemberOfRead,
    roleActions.usersManagerRead,
    roleActions.roleAssignmentsStandardRead,
  ],
  guards: {},
});

export const userReadActions = [usersList, usersGet] as const;
