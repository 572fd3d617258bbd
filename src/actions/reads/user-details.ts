// users.get: one user with its licences (and where each comes from), groups, manager, admin roles and sync state.
import type { UsersGetInput } from "../../catalog/actions/user-read-actions.ts";
import { entraRoleByTemplateId } from "../../catalog/entra-role-data.ts";
import { GraphRequestError } from "../../graph/graph-errors.ts";
import type { ActionContext } from "../action-executor.ts";
import { readUser } from "../executors/user-reads.ts";
import { readAllPages } from "./graph-pages.ts";
import { odataString, queryString } from "./odata-text.ts";
import { planFriendlyName, productNameOf, skuPartNumberOf } from "./sku-names.ts";

const profileProperties = [
  "givenName", "surname", "mail", "mailNickname", "otherMails", "accountEnabled", "userType", "creationType", "externalUserState",
  "jobTitle", "department", "companyName", "employeeId", "employeeType", "officeLocation", "businessPhones", "mobilePhone",
  "streetAddress", "city", "state", "postalCode", "country", "usageLocation", "createdDateTime", "lastPasswordChangeDateTime",
  "signInSessionsValidFromDateTime",
];

const syncProperties = [
  "onPremisesLastSyncDateTime", "onPremisesDomainName", "onPremisesSamAccountName", "onPremisesUserPrincipalName",
  "onPremisesImmutableId", "onPremisesDistinguishedName", "onPremisesSecurityIdentifier",
];

interface LicenseAssignmentState {
  readonly skuId: string;
  readonly disabledPlans?: string[] | null;
  readonly assignedByGroup?: string | null;
  readonly state?: string | null;
  readonly error?: string | null;
}

interface GraphLicenseDetail {
  readonly skuId: string;
  readonly skuPartNumber?: string | null;
  readonly servicePlans?: { servicePlanId: string; servicePlanName?: string | null; provisioningStatus?: string | null }[];
}

interface GraphMembership {
  readonly "@odata.type"?: string;
  readonly id: string;
  readonly displayName?: string | null;
  readonly isAssignableToRole?: boolean | null;
  readonly securityEnabled?: boolean | null;
  readonly mailEnabled?: boolean | null;
  readonly groupTypes?: string[] | null;
  readonly onPremisesSyncEnabled?: boolean | null;
}

interface GraphRoleAssignment {
  readonly id: string;
  readonly principalId: string;
  readonly roleDefinitionId: string;
  readonly directoryScopeId?: string | null;
}

export interface UserGroup {
  readonly id: string;
  readonly displayName: string | null;
  readonly isAssignableToRole: boolean;
  readonly securityEnabled: boolean | null;
  readonly mailEnabled: boolean | null;
  readonly groupTypes: string[];
  readonly synced: boolean;
}

/** How the user holds a licence: assigned to the user, or inherited from a group (group-based licensing). */
export interface LicenseAssignment {
  readonly kind: "direct" | "group";
  readonly groupId: string | null;
  readonly groupName: string | null;
  /** Active, or Error when Microsoft could not apply it (e.g. CountViolation: no seat left). */
  readonly state: string | null;
  readonly error: string | null;
  readonly disabledPlans: string[];
}

export interface UserLicense {
  readonly skuId: string;
  readonly skuPartNumber: string;
  readonly productName: string;
  readonly assignedDirectly: boolean;
  readonly assignments: LicenseAssignment[];
  readonly servicePlans: { servicePlanId: string; servicePlanName: string | null; friendlyName: string | null; provisioningStatus: string | null }[];
}

export interface UserAdminRole {
  readonly roleDefinitionId: string;
  readonly roleName: string;
  readonly isPrivileged: boolean | null;
  readonly assignmentId: string;
  readonly directoryScopeId: string | null;
  /** The role-assignable group the user holds the role through; null for a direct assignment. */
  readonly viaGroup: { id: string; displayName: string | null } | null;
}

function groupOf(entry: GraphMembership): UserGroup {
  return {
    id: entry.id,
    displayName: entry.displayName ?? null,
    isAssignableToRole: entry.isAssignableToRole === true,
    securityEnabled: entry.securityEnabled ?? null,
    mailEnabled: entry.mailEnabled ?? null,
    groupTypes: entry.groupTypes ?? [],
    synced: entry.onPremisesSyncEnabled === true,
  };
}

async function readGroups(context: ActionContext, userId: string): Promise<UserGroup[]> {
  const collection = { path: `/users/${userId}/transitiveMemberOf` };
  const select = "id,displayName,isAssignableToRole,securityEnabled,mailEnabled,groupTypes,onPremisesSyncEnabled";
  const entries = await readAllPages<GraphMembership>(context, collection, `${collection.path}${queryString({ $select: select, $top: "999" })}`);
  return entries.filter((e) => e["@odata.type"] === undefined || e["@odata.type"] === "#microsoft.graph.group").map(groupOf);
}

/** The user's manager, or null when it has none. */
export async function readManagerOf(context: ActionContext, userId: string) {
  try {
    const manager = (await context.graph.get<{ id: string; displayName?: string | null; userPrincipalName?: string; mail?: string | null }>(`/users/${userId}/manager?$select=id,displayName,userPrincipalName,mail`)).body;
    return { id: manager.id, displayName: manager.displayName ?? null, userPrincipalName: manager.userPrincipalName ?? null, mail: manager.mail ?? null };
  } catch (error) {
    if (error instanceof GraphRequestError && error.status === 404) return null;
    throw error;
  }
}

const roleAssignments = { path: "/roleManagement/directory/roleAssignments" };

/** Every directory role assignment of a user or group. */
export function readAssignmentsOf(context: ActionContext, principalId: string): Promise<GraphRoleAssignment[]> {
  return readAllPages<GraphRoleAssignment>(context, roleAssignments, `${roleAssignments.path}${queryString({ $filter: `principalId eq ${odataString(principalId)}` })}`);
}

function adminRole(assignment: GraphRoleAssignment, viaGroup: UserGroup | undefined): UserAdminRole {
  const role = entraRoleByTemplateId(assignment.roleDefinitionId);
  return {
    roleDefinitionId: assignment.roleDefinitionId,
    roleName: role?.displayName ?? `Custom role ${assignment.roleDefinitionId}`,
    isPrivileged: role?.isPrivileged ?? null,
    assignmentId: assignment.id,
    directoryScopeId: assignment.directoryScopeId ?? null,
    viaGroup: viaGroup ? { id: viaGroup.id, displayName: viaGroup.displayName } : null,
  };
}

/** Direct roles, and those held through role-assignable groups (which Microsoft treats the same). */
async function readAdminRoles(context: ActionContext, userId: string, groups: readonly UserGroup[]): Promise<UserAdminRole[]> {
  const roleGroups = groups.filter((g) => g.isAssignableToRole);
  const [direct, ...viaGroups] = await Promise.all([readAssignmentsOf(context, userId), ...roleGroups.map((g) => readAssignmentsOf(context, g.id))]);
  return [...direct!.map((a) => adminRole(a, undefined)), ...viaGroups.flatMap((assignments, i) => assignments.map((a) => adminRole(a, roleGroups[i])))];
}

function licensesOf(states: readonly LicenseAssignmentState[], details: readonly GraphLicenseDetail[], groups: readonly UserGroup[]): UserLicense[] {
  const groupNames = new Map(groups.map((g) => [g.id, g.displayName]));
  const detailBySku = new Map(details.map((d) => [d.skuId.toLowerCase(), d]));
  // A licence that failed for the user (no seat left) is in the states but not in licenseDetails.
  const skuIds = [...new Set([...details.map((d) => d.skuId.toLowerCase()), ...states.map((s) => s.skuId.toLowerCase())])];
  return skuIds.map((skuId) => {
    const detail = detailBySku.get(skuId);
    const assignments: LicenseAssignment[] = states
      .filter((s) => s.skuId.toLowerCase() === skuId)
      .map((s) => ({
        kind: s.assignedByGroup ? "group" : "direct",
        groupId: s.assignedByGroup ?? null,
        groupName: s.assignedByGroup ? (groupNames.get(s.assignedByGroup) ?? null) : null,
        state: s.state ?? null,
        error: s.error ?? null,
        disabledPlans: (s.disabledPlans ?? []).map((id) => planFriendlyName(id) ?? id),
      }));
    return {
      skuId,
      skuPartNumber: skuPartNumberOf(skuId, detail?.skuPartNumber),
      productName: productNameOf(skuId, detail?.skuPartNumber),
      assignedDirectly: assignments.some((a) => a.kind === "direct"),
      assignments,
      servicePlans: (detail?.servicePlans ?? []).map((p) => ({
        servicePlanId: p.servicePlanId,
        servicePlanName: p.servicePlanName ?? null,
        friendlyName: planFriendlyName(p.servicePlanId) ?? null,
        provisioningStatus: p.provisioningStatus ?? null,
      })),
    };
  });
}

export async function readUserDetails(context: ActionContext, input: UsersGetInput) {
  const user = await readUser(context, input.userId, [...profileProperties, ...syncProperties, "licenseAssignmentStates"]);
  const detailsCollection = { path: `/users/${user.id}/licenseDetails` };
  const [details, groups, manager] = await Promise.all([
    readAllPages<GraphLicenseDetail>(context, detailsCollection, detailsCollection.path),
    readGroups(context, user.id),
    readManagerOf(context, user.id),
  ]);
  const adminRoles = await readAdminRoles(context, user.id, groups);
  const states = (user.licenseAssignmentStates ?? []) as unknown as LicenseAssignmentState[];
  return {
    id: user.id,
    userPrincipalName: user.userPrincipalName,
    displayName: user.displayName ?? null,
    ...Object.fromEntries(profileProperties.map((p) => [p, user[p] ?? null])),
    sync: { synced: user.onPremisesSyncEnabled === true, ...Object.fromEntries(syncProperties.map((p) => [p, user[p] ?? null])) },
    licenses: licensesOf(states, details, groups),
    groups,
    manager,
    adminRoles,
  };
}
