// The Entra role actions the catalog names (each one exists in some built-in role: data/entra-roles.json, tested).

export const roleActions = {
  usersStandardRead: "microsoft.directory/users/standard/read",
  usersLicenseDetailsRead: "microsoft.directory/users/licenseDetails/read",
  usersMemberOfRead: "microsoft.directory/users/memberOf/read",
  usersManagerRead: "microsoft.directory/users/manager/read",
  usersBasicUpdate: "microsoft.directory/users/basic/update",
  usersUserPrincipalNameUpdate: "microsoft.directory/users/userPrincipalName/update",
  usersUsageLocationUpdate: "microsoft.directory/users/usageLocation/update",
  usersManagerUpdate: "microsoft.directory/users/manager/update",
  usersEnable: "microsoft.directory/users/enable",
  usersDisable: "microsoft.directory/users/disable",
  usersInvalidateAllRefreshTokens: "microsoft.directory/users/invalidateAllRefreshTokens",
  usersPasswordUpdate: "microsoft.directory/users/password/update",
  usersCreate: "microsoft.directory/users/create",
  usersInviteGuest: "microsoft.directory/users/inviteGuest",
  usersDelete: "microsoft.directory/users/delete",
  usersRestore: "microsoft.directory/users/restore",
  usersAssignLicense: "microsoft.directory/users/assignLicense",
  groupsStandardRead: "microsoft.directory/groups/standard/read",
  groupsMembersRead: "microsoft.directory/groups/members/read",
  groupsMembersUpdate: "microsoft.directory/groups/members/update",
  groupsBasicUpdate: "microsoft.directory/groups/basic/update",
  groupsVisibilityUpdate: "microsoft.directory/groups/visibility/update",
  groupsAssignLicense: "microsoft.directory/groups/assignLicense",
  subscribedSkusStandardRead: "microsoft.directory/subscribedSkus/standard/read",
  roleAssignmentsStandardRead: "microsoft.directory/roleAssignments/standard/read",
  roleDefinitionsStandardRead: "microsoft.directory/roleDefinitions/standard/read",
  organizationStandardRead: "microsoft.directory/organization/standard/read",
} as const;

export type RoleAction = (typeof roleActions)[keyof typeof roleActions];
