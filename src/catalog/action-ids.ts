// Every action Tenantry can run, as typed constants: code names actions through `actionIds`, never loose strings.

export const actionIds = {
  // Reporting: reads
  usersList: "users.list",
  usersGet: "users.get",
  groupsList: "groups.list",
  groupsGet: "groups.get",
  groupsListMembers: "groups.list-members",
  licensesListSubscribedSkus: "licenses.list-subscribed-skus",
  rolesListAssignments: "roles.list-assignments",
  tenantGetOrganization: "tenant.get-organization",
  // Management: user properties and account
  usersUpdateProperties: "users.update-properties",
  usersUpdatePhones: "users.update-phones",
  usersUpdateOtherMails: "users.update-other-mails",
  usersEnable: "users.enable",
  usersDisable: "users.disable",
  usersRevokeSessions: "users.revoke-sessions",
  usersResetPassword: "users.reset-password",
  // Management: user lifecycle
  usersCreate: "users.create",
  usersInviteGuest: "users.invite-guest",
  usersDelete: "users.delete",
  usersListDeleted: "users.list-deleted",
  usersRestore: "users.restore",
  usersDeletePermanently: "users.delete-permanently",
  // Management: licences and groups
  licensesAssignUser: "licenses.assign-user",
  licensesAssignGroup: "licenses.assign-group",
  groupsAddMember: "groups.add-member",
  groupsRemoveMember: "groups.remove-member",
  groupsUpdateProperties: "groups.update-properties",
} as const;

export type ActionId = (typeof actionIds)[keyof typeof actionIds];
