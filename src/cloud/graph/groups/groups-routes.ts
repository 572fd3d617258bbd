import { randomUUID } from "node:crypto";
import { recordDirectoryAudit, target } from "../../directory/audit-recorder.ts";
import type { GroupRecord } from "../../directory/model.ts";
import type { TenantDirectory } from "../../directory/tenant-directory.ts";
import type { GraphCall, GraphRoute } from "../graph-call.ts";
import { route } from "../graph-call.ts";
import { badRequest, insufficientPrivileges, onPremisesMastered, resourceNotFound } from "../graph-error.ts";
import { listCollection } from "../list-collection.ts";
import { applySelect, parseSelect } from "../odata/index.ts";
import { applyLicenseChange, parseLicenseChange } from "../users/license-assignment.ts";
import { defaultGroupProperties, groupPropertySet, readGroupProperty } from "./group-json.ts";
import { usersMatchingRule } from "./membership-rule.ts";

export function activeGroup(tenant: TenantDirectory, id: string): GroupRecord {
  const group = tenant.group(id);
  if (!group || group.deletedDateTime) throw resourceNotFound(id);
  return group;
}

function groupSource(tenant: TenantDirectory) {
  return {
    resource: "groups" as const,
    contextPath: "groups",
    ids: (after: string | undefined) => tenant.groupIds.from(after),
    get: (id: string) => {
      const group = tenant.group(id);
      return group && !group.deletedDateTime ? group : undefined;
    },
    read: readGroupProperty,
    defaultProperties: defaultGroupProperties,
    knownProperties: groupPropertySet,
  };
}

export function singleGroupJson(call: GraphCall, group: GroupRecord): Record<string, unknown> {
  const select = parseSelect(call.query.get("$select") ?? undefined, groupPropertySet, "microsoft.graph.group");
  const full: Record<string, unknown> = { "@odata.context": `${call.context.baseUrl}/v1.0/$metadata#groups/$entity` };
  for (const property of select ?? defaultGroupProperties) full[property] = readGroupProperty(group, property);
  return applySelect(full, select ? ["@odata.context", ...select] : undefined, ["@odata.context", ...defaultGroupProperties]);
}

function audit(call: GraphCall, activity: string, operationType: "Add" | "Update" | "Delete", group: GroupRecord, modified: { displayName: string; oldValue: string | null; newValue: string | null }[] = []) {
  recordDirectoryAudit(call.context, call.tenant, {
    activity,
    category: "GroupManagement",
    operationType,
    initiatedBy: call.initiator,
    targets: [target(group.id, "Group", group.displayName, null, modified)],
    correlationId: call.requestId,
  });
}

function text(body: Record<string, unknown>, property: string, max: number, required: boolean): string | null {
  const value = body[property];
  if (value === undefined || value === null) {
    if (required) throw badRequest(`Invalid value specified for property '${property}' of resource 'Group'.`);
    return null;
  }
  if (typeof value !== "string" || value.length > max || (required && value.trim() === "")) {
    throw badRequest(`Invalid value specified for property '${property}' of resource 'Group'.`);
  }
  return value;
}

function checkVisibility(value: unknown): GroupRecord["visibility"] {
  if (value === undefined || value === null) return null;
  if (value !== "Public" && value !== "Private" && value !== "HiddenMembership") {
    throw badRequest("Invalid value specified for property 'visibility' of resource 'Group'.");
  }
  return value;
}

const privilegedRoleAdministrators: ReadonlySet<string> = new Set([
  "e8611ab8-c189-46e8-94e1-60213ab1f814", // Privileged Role Administrator
  "62e90394-69f5-4237-9190-012177145e10", // Global Administrator
]);

/** A group that can hold roles needs RoleManagement.ReadWrite.Directory and a privileged role, and must be a fixed security group. */
function checkRoleAssignableCreation(call: GraphCall, body: Record<string, unknown>, dynamic: boolean): void {
  if (call.claims.idtyp === "app") {
    const canManageRoles = call.claims.roles.includes("RoleManagement.ReadWrite.Directory");
    if (!canManageRoles || !call.claims.wids.some((w) => privilegedRoleAdministrators.has(w))) throw insufficientPrivileges();
  }
  if (body.securityEnabled !== true || dynamic) {
    throw badRequest("A role-assignable group must be a security group with assigned (not dynamic) membership.");
  }
}

function createGroup(call: GraphCall) {
  const body = call.body();
  const groupTypes = Array.isArray(body.groupTypes) ? body.groupTypes.map(String) : [];
  if (typeof body.mailEnabled !== "boolean") throw badRequest("Invalid value specified for property 'mailEnabled' of resource 'Group'.");
  if (typeof body.securityEnabled !== "boolean") throw badRequest("Invalid value specified for property 'securityEnabled' of resource 'Group'.");
  const unified = groupTypes.includes("Unified");
  if (body.mailEnabled && !unified) throw badRequest("Creating mail-enabled security groups or distribution lists is not supported through Microsoft Graph.");
  const dynamic = groupTypes.includes("DynamicMembership");
  if (body.isAssignableToRole === true) checkRoleAssignableCreation(call, body, dynamic);
  const rule = text(body, "membershipRule", 3072, dynamic);
  const nickname = text(body, "mailNickname", 64, true)!;
  const domain = call.tenant.tenant.domains.find((d) => d.isDefault)?.id ?? "";
  const group: GroupRecord = {
    kind: "group",
    id: randomUUID(),
    createdDateTime: call.context.now().toISOString(),
    deletedDateTime: null,
    displayName: text(body, "displayName", 256, true)!,
    description: text(body, "description", 1024, false),
    mailNickname: nickname,
    mail: unified ? `${nickname}@${domain}` : null,
    mailEnabled: body.mailEnabled,
    securityEnabled: body.securityEnabled,
    groupTypes,
    membershipRule: rule,
    membershipRuleProcessingState: dynamic ? "On" : null,
    isAssignableToRole: body.isAssignableToRole === true ? true : null,
    visibility: unified ? (checkVisibility(body.visibility) ?? "Public") : checkVisibility(body.visibility),
    proxyAddresses: unified ? [`SMTP:${nickname}@${domain}`] : [],
    onPremisesSyncEnabled: null,
    assignedLicenses: [],
  };
  call.context.state.apply({ op: "object.put", tenantId: call.tenant.id, record: group });
  audit(call, "Add group", "Add", group);
  if (dynamic && rule) {
    for (const userId of usersMatchingRule(call.tenant, rule)) call.context.state.apply({ op: "member.add", tenantId: call.tenant.id, groupId: group.id, memberId: userId });
  }
  return { status: 201, body: singleGroupJson(call, group) };
}

const updatableGroupProperties: ReadonlySet<string> = new Set(["displayName", "description", "mailNickname", "visibility", "membershipRule"]);

function patchGroup(call: GraphCall) {
  const group = activeGroup(call.tenant, call.params.groupId!);
  const body = call.body();
  const changes = Object.keys(body).filter((p) => !p.startsWith("@"));
  for (const property of changes) {
    if (!updatableGroupProperties.has(property)) throw badRequest(`Property '${property}' is read-only or does not exist as a declared property of resource 'Group'.`);
  }
  if (group.onPremisesSyncEnabled) {
    throw onPremisesMastered();
  }
  const next: Record<string, unknown> = { ...group };
  if (changes.includes("displayName")) next.displayName = text(body, "displayName", 256, true);
  if (changes.includes("description")) next.description = text(body, "description", 1024, false);
  if (changes.includes("mailNickname")) next.mailNickname = text(body, "mailNickname", 64, true);
  if (changes.includes("membershipRule")) next.membershipRule = text(body, "membershipRule", 3072, group.groupTypes.includes("DynamicMembership"));
  if (changes.includes("visibility")) {
    if (!group.groupTypes.includes("Unified")) throw badRequest("Visibility can only be set on Microsoft 365 groups.");
    next.visibility = checkVisibility(body.visibility);
  }
  const updated = next as unknown as GroupRecord;
  call.context.state.apply({ op: "object.put", tenantId: call.tenant.id, record: updated });
  audit(
    call,
    "Update group",
    "Update",
    updated,
    changes.map((p) => ({ displayName: p, oldValue: JSON.stringify(group[p as keyof GroupRecord] ?? null), newValue: JSON.stringify(next[p] ?? null) })),
  );
  return { status: 204 };
}

/** Microsoft 365 groups go to deleted items for 30 days; security groups are deleted at once. */
function deleteGroup(call: GraphCall) {
  const group = activeGroup(call.tenant, call.params.groupId!);
  if (group.groupTypes.includes("Unified")) {
    call.context.state.apply({ op: "object.put", tenantId: call.tenant.id, record: { ...group, deletedDateTime: call.context.now().toISOString() } });
  } else {
    call.context.state.apply({ op: "object.purge", tenantId: call.tenant.id, id: group.id });
  }
  audit(call, "Delete group", "Delete", group);
  return { status: 204 };
}

/**
 * Group-based licensing: Entra accepts the assignment even when seats run short; members it cannot
 * license show the licence in error (CountViolation) and take no seat.
 */
function assignGroupLicense(call: GraphCall) {
  const group = activeGroup(call.tenant, call.params.groupId!);
  const change = parseLicenseChange(call.tenant, call.body());
  const updated: GroupRecord = { ...group, assignedLicenses: applyLicenseChange(group.assignedLicenses, change) };
  call.context.state.apply({ op: "object.put", tenantId: call.tenant.id, record: updated });
  audit(call, "Change group license", "Update", updated, [
    { displayName: "AssignedLicense", oldValue: JSON.stringify(group.assignedLicenses), newValue: JSON.stringify(updated.assignedLicenses) },
  ]);
  return { status: 202, body: singleGroupJson(call, updated) };
}

export function groupsRoutes(): GraphRoute[] {
  return [
    route("GET", "/groups", (call) => listCollection(call, groupSource(call.tenant))),
    route("GET", "/groups/$count", (call) => listCollection(call, groupSource(call.tenant), true)),
    route("POST", "/groups", createGroup),
    route("GET", "/groups/{groupId}", (call) => ({ status: 200, body: singleGroupJson(call, activeGroup(call.tenant, call.params.groupId!)) })),
    route("PATCH", "/groups/{groupId}", patchGroup),
    route("DELETE", "/groups/{groupId}", deleteGroup),
    route("POST", "/groups/{groupId}/assignLicense", assignGroupLicense),
  ];
}
