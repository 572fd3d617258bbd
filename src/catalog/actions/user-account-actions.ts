// The user's account: enable, disable, revoke sign-in sessions, reset the password.
import { z } from "zod";
import { defineAction, type GraphRequestSpec } from "../action-definition.ts";
import { actionIds } from "../action-ids.ts";
import { readUser, userTargetGuardReads } from "../common-requests.ts";
import { roleTemplateIds } from "../entra-role-data.ts";
import { newPassword, userRef, userTargetInput } from "../input-schemas.ts";
import { moduleIds } from "../module-ids.ts";
import { roleActions } from "../role-actions.ts";
import { enableDisableCompanion, narrowerThanPatchUserLeast } from "../user-property-permissions.ts";

const anyUserWrite = ["User.ReadWrite.All", "Directory.ReadWrite.All"];

const setAccountEnabled: GraphRequestSpec = {
  method: "PATCH",
  path: "/users/{id}",
  properties: ["accountEnabled"],
  permission: "User.EnableDisableAccount.All",
  why: "Turns the user's account on or off (accountEnabled), and nothing else.",
  notLeastBecause: narrowerThanPatchUserLeast("accountEnabled"),
  alternatives: anyUserWrite,
  alsoRequires: [enableDisableCompanion],
};

export const usersEnable = defineAction({
  id: actionIds.usersEnable,
  title: "Enable a user",
  description: "Allows the user to sign in again.",
  module: moduleIds.management,
  kind: "write",
  input: userTargetInput,
  graph: [setAccountEnabled, ...userTargetGuardReads],
  operatorRoleActions: [roleActions.usersEnable],
  guards: { syncedUser: "refuse-on-premises-mastered", adminTarget: "sensitive-action" },
  verify: "Read the user back: accountEnabled is true.",
});

export const usersDisable = defineAction({
  id: actionIds.usersDisable,
  title: "Disable a user",
  description: "Blocks the user from signing in. Existing sessions stay valid until they expire or are revoked.",
  module: moduleIds.management,
  kind: "write",
  input: userTargetInput,
  graph: [setAccountEnabled, ...userTargetGuardReads],
  operatorRoleActions: [roleActions.usersDisable],
  guards: { syncedUser: "refuse-on-premises-mastered", adminTarget: "sensitive-action" },
  verify: "Read the user back: accountEnabled is false.",
});

export const usersRevokeSessions = defineAction({
  id: actionIds.usersRevokeSessions,
  title: "Revoke sign-in sessions",
  description: "Signs the user out everywhere: refresh tokens and session cookies issued before now stop working.",
  module: moduleIds.management,
  kind: "write",
  input: userTargetInput,
  graph: [
    {
      method: "POST",
      path: "/users/{id}/revokeSignInSessions",
      permission: "User.RevokeSessions.All",
      why: "Signs a user out of every session, for example when an account is compromised or a person leaves.",
      alternatives: anyUserWrite,
    },
    readUser,
  ],
  operatorRoleActions: [roleActions.usersInvalidateAllRefreshTokens],
  guards: { syncedUser: "allowed", adminTarget: "none" },
  verify: "Read the user back: signInSessionsValidFromDateTime is at or after the time of the request.",
});

export const usersResetPasswordInput = z.strictObject({
  userId: userRef,
  password: newPassword,
  forceChangePasswordNextSignIn: z.boolean().default(true),
});
export type UsersResetPasswordInput = z.infer<typeof usersResetPasswordInput>;

export const usersResetPassword = defineAction({
  id: actionIds.usersResetPassword,
  title: "Reset password",
  description:
    "Sets a new password, chosen by the operator or generated, and by default makes the user change it at next sign-in. For a synced user without password writeback the new password applies to cloud sign-in only.",
  module: moduleIds.management,
  kind: "write",
  input: usersResetPasswordInput,
  graph: [
    {
      method: "PATCH",
      path: "/users/{id}",
      properties: ["passwordProfile"],
      permission: "User-PasswordProfile.ReadWrite.All",
      why: "Sets a new password and whether the user must change it at next sign-in; it cannot change any other property.",
      notLeastBecause: narrowerThanPatchUserLeast("the password"),
      alternatives: anyUserWrite,
    },
    ...userTargetGuardReads,
  ],
  servicePrincipalRoles: [
    {
      roleTemplateId: roleTemplateIds.userAdministrator,
      why: "Microsoft lets an application reset passwords only when its service principal also holds at least the User Administrator role (Learn, Update user); it then may reset the passwords Microsoft's table allows a User Administrator to reset.",
    },
  ],
  operatorRoleActions: [roleActions.usersPasswordUpdate],
  guards: { syncedUser: "allowed", adminTarget: "password-reset" },
  verify: "Read the user back: lastPasswordChangeDateTime is at or after the time of the request.",
});

export const userAccountActions = [usersEnable, usersDisable, usersRevokeSessions, usersResetPassword] as const;
