// Shapes of the committed files in data/, written by scripts/derive-data.ts (see data/README.md).

/** data/graph-app-permissions.json */
export type PermissionInfo = {
  displayName: string;
  description: string;
  /** Microsoft's 1 (low) to 5 (high) rating; absent for the few permissions the source leaves unrated. */
  privilegeLevel?: number;
};

export type PathPermissions = {
  accepted: string[];
  least: string[];
  /** Permission -> companions it needs alongside it (any one of them), where the source says so. */
  alsoRequires?: Record<string, string[]>;
  /** Only where `least` was corrected: the source's own Application least markers. */
  sourceLeast?: string[];
  /** Only where the source forgot permissions Microsoft documents for the path: what we added to `accepted`. */
  addedAccepted?: string[];
};

export type GraphAppPermissionsFile = {
  permissions: Record<string, PermissionInfo>;
  /** Keyed "METHOD /path as the source writes it, lower-cased". */
  paths: Record<string, PathPermissions>;
};

/** data/graph-app-role-ids.json: Microsoft's app role ids of Graph application permissions. */
export type GraphAppRoleIdsFile = { source: string; ids: Record<string, string> };

/** data/entra-roles.json */
export type EntraRole = {
  displayName: string;
  templateId: string;
  description: string;
  isPrivileged: boolean;
  actions: string[];
  privilegedActions: string[];
};

/** data/entra-role-rules.json */
export type RuleTargetCategory = "noAdminRole" | "roleAssignableGroupMember" | "restrictedManagementAU" | "allOtherRoles";

export type RuleTarget = {
  /** The row as written on the page. */
  row: string;
  templateId?: string;
  category?: RuleTargetCategory;
  /** Template ids of the actor roles (columns) allowed on this row. */
  allowed: string[];
};

export type RuleTable = { actors: string[]; targets: RuleTarget[] };

export type EntraRoleRulesFile = {
  source: string;
  whoCanResetPasswords: RuleTable;
  whoCanPerformSensitiveActions: RuleTable;
  sensitiveProperties: string[];
  sensitiveActions: { action: string; property: string | null }[];
  passwordResetSensitiveProperties: string[];
};

/** data/licensing-skus.json */
export type ServicePlan = {
  /** null once in the doc (a DoD plan whose name cell is empty). */
  servicePlanName: string | null;
  servicePlanId: string;
  friendlyName: string;
};
export type LicensingProduct = { productName: string; skuPartNumber: string; skuId: string; servicePlans: ServicePlan[] };
export type LicensingSkusFile = { source: string; updated: string; products: LicensingProduct[] };
