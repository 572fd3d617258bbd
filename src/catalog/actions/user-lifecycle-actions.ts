// A user's life: create (from a template), invite a guest, delete, list deleted users, restore, delete for good.
import { z } from "zod";
import { defineAction, type GraphRequestSpec } from "../action-definition.ts";
import { actionIds } from "../action-ids.ts";
import { readTargetRoleAssignments, readUser, userTargetGuardReads } from "../common-requests.ts";
import {
  email,
  listQuery,
  mailNickname,
  maxListInput,
  newPassword,
  objectId,
  phone,
  text,
  usageLocation,
  userPrincipalName,
  userTargetInput,
} from "../input-schemas.ts";
import { moduleIds } from "../module-ids.ts";
import { roleActions } from "../role-actions.ts";

export const usersCreateInput = z.strictObject({
  /** The Tenantry template the operator started from, recorded in the audit log; its values are already merged in. */
  templateId: text(64).optional(),
  userPrincipalName,
  displayName: text(256),
  mailNickname,
  accountEnabled: z.boolean().default(true),
  password: newPassword,
  forceChangePasswordNextSignIn: z.boolean().default(true),
  givenName: text(64).optional(),
  surname: text(64).optional(),
  jobTitle: text(128).optional(),
  department: text(64).optional(),
  companyName: text(64).optional(),
  employeeId: text(16).optional(),
  employeeType: text(64).optional(),
  officeLocation: text(128).optional(),
  streetAddress: text(1024).optional(),
  city: text(128).optional(),
  state: text(128).optional(),
  postalCode: text(40).optional(),
  country: text(128).optional(),
  usageLocation: usageLocation.optional(),
  businessPhones: z.array(phone).max(1, "A user has at most one business phone.").optional(),
  mobilePhone: phone.optional(),
  otherMails: z.array(email).max(maxListInput).optional(),
});
export type UsersCreateInput = z.infer<typeof usersCreateInput>;

export const usersCreate = defineAction({
  id: actionIds.usersCreate,
  title: "Create a user",
  description:
    "Creates a cloud user, usually from a template that fills in organisation properties and usage location. A template's licences, groups and manager are applied afterwards by their own actions, each checked on its own.",
  module: moduleIds.management,
  kind: "write",
  input: usersCreateInput,
  graph: [
    {
      method: "POST",
      path: "/users",
      permission: "User.ReadWrite.All",
      why: "Creates new user accounts; Microsoft offers no narrower application permission for creating users.",
      alternatives: ["Directory.ReadWrite.All"],
    },
    { ...readUser, why: "Checks that no user holds the user principal name yet, and reads the new user back to verify it." },
    {
      method: "GET",
      path: "/organization",
      permission: "Organization.Read.All",
      why: "Reads the tenant's verified domains, so that a user name on a domain the tenant does not own is refused before Graph is called.",
      alternatives: ["Directory.Read.All"],
    },
  ],
  operatorRoleActions: [roleActions.usersCreate],
  guards: {},
  verify: "Read the new user back and compare its properties with the request.",
});

export const usersInviteGuestInput = z.strictObject({
  email,
  displayName: text(256).optional(),
  /** Where the guest lands after redeeming the invitation. */
  redirectUrl: z.url({ protocol: /^https$/, error: "Expected an https URL." }).max(2048),
  sendInvitationMessage: z.boolean().default(false),
});
export type UsersInviteGuestInput = z.infer<typeof usersInviteGuestInput>;

export const usersInviteGuest = defineAction({
  id: actionIds.usersInviteGuest,
  title: "Invite a guest",
  description: "Invites a person from outside the organisation as a guest user, optionally sending Microsoft's invitation mail.",
  module: moduleIds.management,
  kind: "write",
  input: usersInviteGuestInput,
  graph: [
    {
      method: "POST",
      path: "/invitations",
      permission: "User.Invite.All",
      why: "Invites external people as guest users; it cannot change existing users.",
      alternatives: ["User.ReadWrite.All", "Directory.ReadWrite.All"],
    },
    readUser,
    {
      method: "GET",
      path: "/users",
      permission: "User.Read.All",
      why: "Finds an existing user with the invited mail address, and finds the guest again by mail after an interrupted run.",
      notLeastBecause: readUser.notLeastBecause,
      alternatives: ["User.ReadWrite.All", "Directory.Read.All"],
    },
  ],
  operatorRoleActions: [roleActions.usersInviteGuest],
  guards: {},
  verify: "Read the invited guest user back: it exists with userType Guest.",
});

export const deletedUserInput = z.strictObject({ userId: objectId });
export type DeletedUserInput = z.infer<typeof deletedUserInput>;

const readDeletedUsers: GraphRequestSpec = {
  method: "GET",
  path: "/directory/deletedItems/microsoft.graph.user",
  permission: "User.Read.All",
  why: "Lists deleted users that can still be restored (for 30 days), and verifies deletions and restores.",
  alternatives: ["User.ReadWrite.All", "Directory.Read.All"],
};

const deleteRestoreAlternatives = ["User.ReadWrite.All"];

export const usersDelete = defineAction({
  id: actionIds.usersDelete,
  title: "Delete a user",
  description: "Deletes a user; it can be restored for 30 days. Users synced from on-premises are deleted there, not here.",
  module: moduleIds.management,
  kind: "write",
  input: userTargetInput,
  graph: [
    {
      method: "DELETE",
      path: "/users/{id}",
      permission: "User.DeleteRestore.All",
      why: "Deletes users (restorable for 30 days); it cannot change their properties.",
      alternatives: deleteRestoreAlternatives,
    },
    ...userTargetGuardReads,
    readDeletedUsers,
  ],
  operatorRoleActions: [roleActions.usersDelete],
  guards: { syncedUser: "refuse-on-premises-mastered", adminTarget: "sensitive-action" },
  verify: "The user is gone from /users and listed among deleted users.",
});

export const usersListDeletedInput = z.strictObject({ ...listQuery });
export type UsersListDeletedInput = z.infer<typeof usersListDeletedInput>;

export const usersListDeleted = defineAction({
  id: actionIds.usersListDeleted,
  title: "List deleted users",
  description: "Lists the users deleted in the last 30 days, which can still be restored or deleted permanently.",
  module: moduleIds.management,
  kind: "read",
  input: usersListDeletedInput,
  graph: [readDeletedUsers],
  operatorRoleActions: [roleActions.usersStandardRead],
  guards: {},
});

export const usersRestore = defineAction({
  id: actionIds.usersRestore,
  title: "Restore a deleted user",
  description: "Restores a user deleted in the last 30 days, with its licences and group memberships.",
  module: moduleIds.management,
  kind: "write",
  input: deletedUserInput,
  graph: [
    {
      method: "POST",
      path: "/directory/deletedItems/{id}/restore",
      permission: "User.DeleteRestore.All",
      why: "Restores deleted users.",
      alternatives: deleteRestoreAlternatives,
    },
    readDeletedUsers,
    readTargetRoleAssignments,
    readUser,
  ],
  operatorRoleActions: [roleActions.usersRestore],
  guards: { syncedUser: "allowed", adminTarget: "sensitive-action" },
  verify: "The user is back in /users and no longer listed among deleted users.",
});

export const usersDeletePermanently = defineAction({
  id: actionIds.usersDeletePermanently,
  title: "Delete a user permanently",
  description: "Removes a deleted user for good; it can no longer be restored.",
  module: moduleIds.management,
  kind: "write",
  input: deletedUserInput,
  graph: [
    {
      method: "DELETE",
      path: "/directory/deletedItems/{id}",
      permission: "User.DeleteRestore.All",
      why: "Removes deleted users permanently, for example to free a user name or to honour an erasure request.",
    },
    readDeletedUsers,
    readTargetRoleAssignments,
  ],
  operatorRoleActions: [roleActions.usersDelete],
  guards: { adminTarget: "sensitive-action" },
  verify: "The user is no longer listed among deleted users.",
});

export const userLifecycleActions = [
  usersCreate,
  usersInviteGuest,
  usersDelete,
  usersListDeleted,
  usersRestore,
  usersDeletePermanently,
] as const;
