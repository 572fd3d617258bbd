// The audit log's action names for changes to who may do what in Tenantry.

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
} as const;
