// groups.list, groups.get and groups.list-members: groups with their kind, licences and sync state, and their members.
import type { GroupsListInput, GroupsListMembersInput, GroupTargetInput } from "../../catalog/actions/group-actions.ts";
import type { ActionContext } from "../action-executor.ts";
import { defaultPageSize, type ListPage, readPage } from "./graph-pages.ts";
import { queryString, searchClause } from "./odata-text.ts";
import { planFriendlyName, productNameOf, skuPartNumberOf } from "./sku-names.ts";

interface GraphGroup {
  readonly id: string;
  readonly displayName?: string | null;
  readonly description?: string | null;
  readonly mail?: string | null;
  readonly mailNickname?: string | null;
  readonly mailEnabled?: boolean | null;
  readonly securityEnabled?: boolean | null;
  readonly groupTypes?: string[] | null;
  readonly visibility?: string | null;
  readonly isAssignableToRole?: boolean | null;
  readonly onPremisesSyncEnabled?: boolean | null;
  readonly membershipRule?: string | null;
  readonly membershipRuleProcessingState?: string | null;
  readonly createdDateTime?: string | null;
  readonly assignedLicenses?: { skuId: string; disabledPlans?: string[] | null }[] | null;
}

export interface GroupRow {
  readonly id: string;
  readonly displayName: string | null;
  /** Microsoft 365, Security, Mail-enabled security or Distribution. */
  readonly kind: string;
  readonly membership: "assigned" | "dynamic";
  readonly mail: string | null;
  readonly visibility: string | null;
  readonly isAssignableToRole: boolean;
  readonly synced: boolean;
  /** SKU part numbers assigned to the group (group-based licensing). */
  readonly licenses: string[];
  /** The same licences by product name. */
  readonly licenseNames: string[];
}

const listProperties = "id,displayName,mail,mailEnabled,securityEnabled,groupTypes,visibility,isAssignableToRole,onPremisesSyncEnabled,assignedLicenses";
const groupProperties = `${listProperties},description,mailNickname,membershipRule,membershipRuleProcessingState,createdDateTime`;

function kindOf(group: GraphGroup): string {
  if (group.groupTypes?.includes("Unified")) return "Microsoft 365";
  if (group.securityEnabled && group.mailEnabled) return "Mail-enabled security";
  if (group.securityEnabled) return "Security";
  if (group.mailEnabled) return "Distribution";
  return "Other";
}

function groupRow(group: GraphGroup): GroupRow {
  return {
    id: group.id,
    displayName: group.displayName ?? null,
    kind: kindOf(group),
    membership: group.groupTypes?.includes("DynamicMembership") ? "dynamic" : "assigned",
    mail: group.mail ?? null,
    visibility: group.visibility ?? null,
    isAssignableToRole: group.isAssignableToRole === true,
    synced: group.onPremisesSyncEnabled === true,
    licenses: (group.assignedLicenses ?? []).map((l) => skuPartNumberOf(l.skuId)),
    licenseNames: (group.assignedLicenses ?? []).map((l) => productNameOf(l.skuId)),
  };
}

const groups = { path: "/groups" };

export function listGroups(context: ActionContext, input: GroupsListInput): Promise<ListPage<GroupRow>> {
  const search = input.search === undefined ? undefined : ["displayName", "mail", "mailNickname"].map((p) => searchClause(p, input.search!)).join(" OR ");
  const first = `${groups.path}${queryString({ $select: listProperties, $top: String(input.top ?? defaultPageSize), $search: search, $count: search ? "true" : undefined })}`;
  return readPage(context, groups, first, input.cursor, groupRow);
}

export type GroupDetails = Awaited<ReturnType<typeof readGroupDetails>>;

export async function readGroupDetails(context: ActionContext, input: GroupTargetInput) {
  const group = (await context.graph.get<GraphGroup>(`/groups/${encodeURIComponent(input.groupId)}${queryString({ $select: groupProperties })}`)).body;
  return {
    ...groupRow(group),
    description: group.description ?? null,
    mailNickname: group.mailNickname ?? null,
    mailEnabled: group.mailEnabled ?? null,
    securityEnabled: group.securityEnabled ?? null,
    groupTypes: group.groupTypes ?? [],
    membershipRule: group.membershipRule ?? null,
    membershipRuleProcessingState: group.membershipRuleProcessingState ?? null,
    createdDateTime: group.createdDateTime ?? null,
    licenses: (group.assignedLicenses ?? []).map((l) => ({
      skuId: l.skuId,
      skuPartNumber: skuPartNumberOf(l.skuId),
      productName: productNameOf(l.skuId),
      disabledPlans: (l.disabledPlans ?? []).map((id) => planFriendlyName(id) ?? id),
    })),
  };
}

interface GraphMember {
  readonly "@odata.type"?: string;
  readonly id: string;
  readonly displayName?: string | null;
  readonly userPrincipalName?: string | null;
  readonly mail?: string | null;
  readonly userType?: string | null;
  readonly accountEnabled?: boolean | null;
}

export interface MemberRow {
  readonly id: string;
  /** user, group, servicePrincipal, device, orgContact ... */
  readonly type: string;
  readonly displayName: string | null;
  readonly userPrincipalName: string | null;
  readonly mail: string | null;
  readonly userType: string | null;
  readonly accountEnabled: boolean | null;
}

function memberRow(member: GraphMember): MemberRow {
  return {
    id: member.id,
    type: (member["@odata.type"] ?? "#microsoft.graph.directoryObject").replace("#microsoft.graph.", ""),
    displayName: member.displayName ?? null,
    userPrincipalName: member.userPrincipalName ?? null,
    mail: member.mail ?? null,
    userType: member.userType ?? null,
    accountEnabled: member.accountEnabled ?? null,
  };
}

export function listGroupMembers(context: ActionContext, input: GroupsListMembersInput): Promise<ListPage<MemberRow>> {
  const collection = { path: `/groups/${encodeURIComponent(input.groupId)}/${input.transitive ? "transitiveMembers" : "members"}` };
  const first = `${collection.path}${queryString({ $select: "id,displayName,userPrincipalName,mail,userType,accountEnabled", $top: String(input.top ?? defaultPageSize) })}`;
  return readPage(context, collection, first, input.cursor, memberRow);
}
