import { canPerformSensitiveAction, canResetPassword, PASSWORD_RESET_SENSITIVE_PROPERTIES, SENSITIVE_PROPERTIES } from "../../authz/role-rules.ts";
import type { UserRecord } from "../../directory/model.ts";
import type { TenantDirectory } from "../../directory/tenant-directory.ts";
import type { AccessClaims } from "../../identity/token-issuer.ts";
import { GraphError, badRequest, insufficientPrivileges, onPremisesMastered } from "../graph-error.ts";

const anyUserWrite = ["User.ReadWrite.All", "Directory.ReadWrite.All"] as const;

/**
 * Application permissions that may set each property in PATCH /users/{id} ("Update user" on Microsoft Learn):
 * the narrow permissions each cover only their own properties; User.ReadWrite.All covers them all.
 */
const propertyPermissions: Readonly<Record<string, readonly string[]>> = {
  accountEnabled: ["User.EnableDisableAccount.All", ...anyUserWrite],
  passwordProfile: ["User-PasswordProfile.ReadWrite.All", ...anyUserWrite],
  businessPhones: ["User-Phone.ReadWrite.All", ...anyUserWrite],
  mobilePhone: ["User-Phone.ReadWrite.All", ...anyUserWrite],
  otherMails: ["User-Mail.ReadWrite.All", ...anyUserWrite],
  onPremisesImmutableId: ["User.ReadWrite.All", "Directory.ReadWrite.All"],
};

export const updatableUserProperties: ReadonlySet<string> = new Set([
  "accountEnabled",
  "businessPhones",
  "city",
  "companyName",
  "country",
  "department",
  "displayName",
  "employeeId",
  "employeeType",
  "givenName",
  "jobTitle",
  "mail",
  "mailNickname",
  "mobilePhone",
  "officeLocation",
  "onPremisesImmutableId",
  "otherMails",
  "passwordPolicies",
  "passwordProfile",
  "postalCode",
  "preferredLanguage",
  "state",
  "streetAddress",
  "surname",
  "usageLocation",
  "userPrincipalName",
  "userType",
]);

/** Properties backed by SharePoint profiles: Graph refuses them with application permissions. */
const delegatedOnlyProperties: ReadonlySet<string> = new Set([
  "aboutMe",
  "birthday",
  "employeeHireDate",
  "interests",
  "mySite",
  "pastProjects",
  "responsibilities",
  "schools",
  "skills",
]);

/** "Update user": User.EnableDisableAccount.All changes accountEnabled only together with a permission that reads users. */
const userReadPermissions = ["User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"];

/** What a synced user still lets the cloud change: the rest is mastered in on-premises Active Directory. */
const cloudMasteredForSyncedUsers: ReadonlySet<string> = new Set(["usageLocation", "passwordProfile", "passwordPolicies"]);

/** At least User Administrator: the roles an app needs to reset passwords with application permissions. */
const passwordResetRoles: ReadonlySet<string> = new Set([
  "fe930be7-5e62-47db-91af-98c3a49a38b1", // User Administrator
  "7be44c8a-adaf-4e2a-84d6-ab2649e08a13", // Privileged Authentication Administrator
  "62e90394-69f5-4237-9190-012177145e10", // Global Administrator
]);

function targetRoles(tenant: TenantDirectory, user: UserRecord) {
  return {
    roleTemplateIds: [...tenant.rolesOf(user.id)],
    inRoleAssignableGroup: tenant.inRoleAssignableGroup(user.id),
    inRestrictedManagementAU: false,
  };
}

export function isAdministrator(tenant: TenantDirectory, user: UserRecord): boolean {
  return tenant.rolesOf(user.id).size > 0 || tenant.inRoleAssignableGroup(user.id);
}

/** Delete and restore are sensitive actions on administrators. */
export function checkSensitiveActionOnTarget(tenant: TenantDirectory, claims: AccessClaims, user: UserRecord): void {
  if (claims.idtyp !== "app" || !isAdministrator(tenant, user)) return;
  if (!canPerformSensitiveAction(claims.wids, targetRoles(tenant, user)).allowed) throw insufficientPrivileges();
}

/**
 * Microsoft's checks for PATCH /users/{id}, in the order Graph applies them. Without a user, they are
 * the checks of POST /users: a new user has no roles, and setting its first password needs no role.
 */
export function checkUserUpdate(tenant: TenantDirectory, claims: AccessClaims, user: UserRecord | undefined, changes: Record<string, unknown>): void {
  const properties = Object.keys(changes).filter((p) => !p.startsWith("@"));
  for (const property of properties) {
    if (delegatedOnlyProperties.has(property)) {
      throw new GraphError(403, "Authorization_RequestDenied", `Updating '${property}' is not supported with application permissions.`);
    }
    if (!updatableUserProperties.has(property)) {
      throw badRequest(`Property '${property}' is read-only or does not exist as a declared property of resource 'User'.`);
    }
  }
  if (claims.idtyp !== "app") return;
  for (const property of properties) {
    const accepted = user ? (propertyPermissions[property] ?? anyUserWrite) : anyUserWrite;
    if (!accepted.some((p) => claims.roles.includes(p))) throw insufficientPrivileges();
  }
  if (properties.includes("accountEnabled") && !userReadPermissions.some((p) => claims.roles.includes(p))) throw insufficientPrivileges();
  if (!user) return;
  if (properties.includes("passwordProfile") && !claims.wids.some((w) => passwordResetRoles.has(w))) {
    throw insufficientPrivileges();
  }
  if (isAdministrator(tenant, user)) {
    const roles = targetRoles(tenant, user);
    for (const property of properties.filter((p) => SENSITIVE_PROPERTIES.has(p))) {
      const viaReset = (property === "passwordProfile" || PASSWORD_RESET_SENSITIVE_PROPERTIES.has(property)) && canResetPassword(claims.wids, roles).allowed;
      if (!viaReset && !canPerformSensitiveAction(claims.wids, roles).allowed) throw insufficientPrivileges();
    }
  }
  if (user.onPremisesSyncEnabled && properties.some((p) => !cloudMasteredForSyncedUsers.has(p))) {
    throw onPremisesMastered();
  }
}
