// The audit log's action names for who may do what in Tenantry: operators, their tokens and sessions, roles.

export const accessAuditActions = {
  operatorAdd: "operators.add",
  operatorRemove: "operators.remove",
  tokenIssue: "operators.issue-token",
  tokenRevoke: "operators.revoke-token",
  customRoleSet: "custom-roles.set",
  customRoleRemove: "custom-roles.remove",
  tenantGroupSet: "tenant-groups.set",
  tenantGroupRemove: "tenant-groups.remove",
  assignmentAdd: "role-assignments.add",
  assignmentRemove: "role-assignments.remove",
  signIn: "operators.sign-in",
  signOut: "operators.sign-out",
  personalTokenCreate: "api-tokens.create",
  personalTokenRevoke: "api-tokens.revoke",
} as const;
