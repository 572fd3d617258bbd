import { recordDirectoryAudit, target } from "../../directory/audit-recorder.ts";
import type { GroupRecord } from "../../directory/model.ts";
import { directoryObjectsSource } from "../directory-objects-json.ts";
import type { GraphCall, GraphRoute } from "../graph-call.ts";
import { route } from "../graph-call.ts";
import { badRequest, GraphError, insufficientPrivileges, onPremisesMastered, resourceNotFound } from "../graph-error.ts";
import { listCollection } from "../list-collection.ts";
import { referencedId } from "../users/user-relations-routes.ts";
import { activeGroup } from "./groups-routes.ts";

type Relation = "members" | "owners";

/** Graph refuses membership changes it cannot make: rule-based, Exchange-mastered or synced groups. */
function checkMembershipWritable(call: GraphCall, group: GroupRecord, relation: Relation): void {
  if (relation === "members" && group.groupTypes.includes("DynamicMembership")) {
    // Entra answers a change to a rule-managed membership with this message, as real responses show.
    throw badRequest("Insufficient privileges to complete the operation.");
  }
  if (group.mailEnabled && group.securityEnabled && !group.groupTypes.includes("Unified")) {
    throw badRequest("Cannot Update a mail-enabled security groups and or distribution list.");
  }
  if (group.onPremisesSyncEnabled) {
    throw onPremisesMastered();
  }
  if (group.isAssignableToRole && call.claims.idtyp === "app" && !call.claims.roles.includes("RoleManagement.ReadWrite.Directory")) {
    throw insufficientPrivileges();
  }
}

/** Microsoft 365 groups hold only users; groups nest only in security groups that cannot hold roles. */
function checkMemberKind(group: GroupRecord, kind: string): void {
  if (group.groupTypes.includes("Unified") && kind !== "user") {
    throw badRequest("Microsoft 365 groups can have only users as members.");
  }
  if (kind === "group" && (!group.securityEnabled || group.isAssignableToRole)) {
    throw badRequest(group.isAssignableToRole ? "A role-assignable group cannot have groups as members." : "Only security groups can have groups as members.");
  }
}

function related(call: GraphCall, group: GroupRecord, relation: Relation): ReadonlySet<string> {
  return relation === "members" ? call.tenant.membersOf(group.id) : call.tenant.ownersOf(group.id);
}

function addReference(call: GraphCall, relation: Relation) {
  const group = activeGroup(call.tenant, call.params.groupId!);
  checkMembershipWritable(call, group, relation);
  const memberId = referencedId(call.body());
  const member = call.tenant.objects.get(memberId);
  if (!member || member.deletedDateTime || member.kind === "application") throw resourceNotFound(memberId);
  if (relation === "owners" && member.kind !== "user" && member.kind !== "servicePrincipal") throw badRequest("A group cannot be an owner of another group.");
  if (relation === "members") checkMemberKind(group, member.kind);
  if (member.id === group.id) throw badRequest("A group cannot be a member of itself.");
  if (related(call, group, relation).has(member.id)) {
    throw new GraphError(400, "Request_BadRequest", `One or more added object references already exist for the following modified properties: '${relation}'.`);
  }
  call.context.state.apply({ op: relation === "members" ? "member.add" : "owner.add", tenantId: call.tenant.id, groupId: group.id, memberId: member.id });
  recordDirectoryAudit(call.context, call.tenant, {
    activity: relation === "members" ? "Add member to group" : "Add owner to group",
    category: "GroupManagement",
    operationType: "Assign",
    initiatedBy: call.initiator,
    targets: [target(member.id, member.kind === "user" ? "User" : member.kind === "group" ? "Group" : "ServicePrincipal", member.displayName, member.kind === "user" ? member.userPrincipalName : null), target(group.id, "Group", group.displayName)],
    correlationId: call.requestId,
  });
  return { status: 204 };
}

function removeReference(call: GraphCall, relation: Relation) {
  const group = activeGroup(call.tenant, call.params.groupId!);
  checkMembershipWritable(call, group, relation);
  const memberId = call.params.memberId!;
  const member = call.tenant.objects.get(memberId);
  if (!member || !related(call, group, relation).has(member.id)) throw resourceNotFound(memberId);
  if (relation === "owners" && call.tenant.ownersOf(group.id).size === 1) {
    throw badRequest("The group must have at least one owner, hence this owner cannot be removed.");
  }
  call.context.state.apply({ op: relation === "members" ? "member.remove" : "owner.remove", tenantId: call.tenant.id, groupId: group.id, memberId: member.id });
  recordDirectoryAudit(call.context, call.tenant, {
    activity: relation === "members" ? "Remove member from group" : "Remove owner from group",
    category: "GroupManagement",
    operationType: "Unassign",
    initiatedBy: call.initiator,
    targets: [target(member.id, member.kind === "user" ? "User" : "Group", member.displayName, member.kind === "user" ? member.userPrincipalName : null), target(group.id, "Group", group.displayName)],
    correlationId: call.requestId,
  });
  return { status: 204 };
}

function transitiveMembers(call: GraphCall, groupId: string): string[] {
  const seen = new Set<string>();
  const queue = [...call.tenant.membersOf(groupId)];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    if (call.tenant.group(id)) queue.push(...call.tenant.membersOf(id));
  }
  return [...seen];
}

function list(call: GraphCall, relation: Relation | "transitiveMembers") {
  const group = activeGroup(call.tenant, call.params.groupId!);
  const ids = relation === "transitiveMembers" ? transitiveMembers(call, group.id) : [...related(call, group, relation)];
  return listCollection(call, directoryObjectsSource(call, ids, "directoryObjects"));
}

export function groupMembersRoutes(): GraphRoute[] {
  return [
    route("GET", "/groups/{groupId}/members", (call) => list(call, "members")),
    route("GET", "/groups/{groupId}/transitiveMembers", (call) => list(call, "transitiveMembers")),
    route("GET", "/groups/{groupId}/owners", (call) => list(call, "owners")),
    route("POST", "/groups/{groupId}/members/$ref", (call) => addReference(call, "members")),
    route("POST", "/groups/{groupId}/owners/$ref", (call) => addReference(call, "owners")),
    route("DELETE", "/groups/{groupId}/members/{memberId}/$ref", (call) => removeReference(call, "members")),
    route("DELETE", "/groups/{groupId}/owners/{memberId}/$ref", (call) => removeReference(call, "owners")),
  ];
}
