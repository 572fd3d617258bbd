import type { AuditTarget, JsonObject } from "../../audit/audit-entry.ts";
import { type ActionId, actionIds } from "../../catalog/action-ids.ts";
import { type LicensesAssignGroupInput, type LicensesAssignUserInput, licensesAssignUser } from "../../catalog/actions/license-actions.ts";
import { ActionRefused } from "../action-errors.ts";
import { type ActionContext, type AnyExecutor, writeExecutor } from "../action-executor.ts";
import { requireGrantedFor } from "../guards/conditional-permission-guard.ts";
import { refuseRoleAssignableGroup } from "../guards/group-guards.ts";
import { type ResolvedLicenceChange, resolveLicenceChange } from "../licensing/licence-change.ts";
import { requireFreeSeats } from "../licensing/licence-seats.ts";
import { type AssignedLicence, type LicenceNames, licenceDifferences, licenceNames, licencesView } from "../licensing/licence-view.ts";
import { skuLabel } from "../licensing/sku-resolver.ts";
import { readAllPages } from "../reads/graph-pages.ts";
import { odataString } from "../reads/odata-text.ts";
import { type GraphGroup, groupTarget, readGroup } from "./group-reads.ts";
import { type GraphUser, readUser, userTarget } from "./user-reads.ts";

/** One entry of a user's licenseAssignmentStates: a direct assignment, or one inherited from a group. */
interface LicenceState {
  readonly skuId: string;
  readonly disabledPlans: readonly string[];
  readonly assignedByGroup?: string | null;
  /** "Error" when Entra could not apply a group's licence (no seat left, a conflict): no seat is taken. */
  readonly state?: string | null;
}

interface LicencePlan {
  readonly add: readonly AssignedLicence[];
  readonly remove: readonly string[];
  readonly names: LicenceNames;
}

interface UserLicencePlan extends LicencePlan {
  readonly userId: string;
  /** Set before the licences when the request gives it. */
  readonly usageLocation?: string;
}

interface GroupLicencePlan extends LicencePlan {
  readonly groupId: string;
}

/** The catalog's PATCH of the usage location, made only when a request sets it. */
const setUsageLocationRequest = licensesAssignUser.graph.find((request) => request.onlyWhen !== undefined)!;

const lower = (values: readonly string[]) => values.map((v) => v.toLowerCase());

function licenceStates(user: GraphUser): LicenceState[] {
  return (user.licenseAssignmentStates ?? []) as unknown as LicenceState[];
}

/** The user's own assignments; inherited ones are changed on their group. */
function directLicences(user: GraphUser): AssignedLicence[] {
  return licenceStates(user)
    .filter((s) => !s.assignedByGroup)
    .map((s) => ({ skuId: s.skuId.toLowerCase(), disabledPlans: lower(s.disabledPlans) }));
}

function holds(states: readonly LicenceState[], skuId: string): boolean {
  return states.some((s) => s.skuId.toLowerCase() === skuId && s.state !== "Error");
}

function skuOf(change: ResolvedLicenceChange, skuId: string) {
  return change.subscribed.find((s) => s.skuId.toLowerCase() === skuId)!;
}

/** Whether the change would leave every touched licence as it is (a re-run of a finished request). */
function changesNothing(current: readonly AssignedLicence[], change: ResolvedLicenceChange): boolean {
  return change.remove.length === 0 && licenceDifferences(current, change.add, [], {}).length === 0;
}

function refuseUnchanged(who: string, target: AuditTarget): never {
  throw new ActionRefused({
    status: 409,
    code: "already_assigned",
    target,
    message: `${who} already has these licences with exactly these disabled plans; nothing to change.`,
  });
}

function refuseNotAssigned(who: string, change: ResolvedLicenceChange, index: number, target: AuditTarget): never {
  throw new ActionRefused({
    status: 409,
    code: "not_assigned",
    field: `remove.${index}`,
    target,
    message: `${who} has no ${skuLabel(skuOf(change, change.remove[index]!))} licence to remove.`,
  });
}

async function groupNames(context: ActionContext, groupIds: readonly string[]): Promise<string[]> {
  return Promise.all(
    groupIds.map((id) =>
      context.graph
        .get<{ displayName: string }>(`/groups/${encodeURIComponent(id)}?$select=id,displayName`)
        .then((answer) => answer.body.displayName)
        .catch(() => id),
    ),
  );
}

/** A licence the user only inherits: Microsoft removes it only on the group. */
async function refuseInherited(context: ActionContext, user: GraphUser, change: ResolvedLicenceChange, index: number, target: AuditTarget): Promise<void> {
  const skuId = change.remove[index]!;
  const states = licenceStates(user);
  if (states.some((s) => !s.assignedByGroup && s.skuId.toLowerCase() === skuId)) return;
  const groupIds = [...new Set(states.filter((s) => s.assignedByGroup && s.skuId.toLowerCase() === skuId).map((s) => s.assignedByGroup!))];
  if (groupIds.length === 0) refuseNotAssigned(user.userPrincipalName, change, index, target);
  const names = (await groupNames(context, groupIds)).map((n) => `"${n}"`).join(", ");
  throw new ActionRefused({
    status: 409,
    code: "licence_inherited",
    field: `remove.${index}`,
    target,
    message: `${user.userPrincipalName} inherits ${skuLabel(skuOf(change, skuId))} from the group${groupIds.length > 1 ? "s" : ""} ${names}, not from a direct assignment; Microsoft removes an inherited licence only on the group.`,
    fix: `Change it on the group: remove the user from ${names}, or the licence from the group (licenses.assign-group).`,
  });
}

function refuseWithoutUsageLocation(user: GraphUser, target: AuditTarget): never {
  throw new ActionRefused({
    code: "usage_location_required",
    field: "usageLocation",
    target,
    message: `${user.userPrincipalName} has no usage location, and Microsoft assigns licences only to users who have one (which services a licence includes differs by country).`,
    fix: 'Send "usageLocation" with a two-letter country code (e.g. "DE") in the same request: Tenantry sets it first, then assigns the licences.',
  });
}

const userProperties = ["usageLocation", "licenseAssignmentStates"];

function userView(user: GraphUser, names: LicenceNames, withUsageLocation: boolean): JsonObject {
  return { licenses: licencesView(directLicences(user), names), ...(withUsageLocation ? { usageLocation: user.usageLocation ?? null } : {}) };
}

/** POST /users/{id}/assignLicense, after PATCH usageLocation when asked; before and after are the user's direct licences. */
const assignUserLicences = writeExecutor<LicensesAssignUserInput, UserLicencePlan>({
  async prepare(context, input) {
    const user = await readUser(context, input.userId, userProperties);
    const target = userTarget(user);
    const change = await resolveLicenceChange(context, input, target);
    for (const index of change.remove.keys()) await refuseInherited(context, user, change, index, target);
    const usageLocation = input.usageLocation?.toUpperCase();
    if (change.add.length > 0 && !usageLocation && !user.usageLocation) refuseWithoutUsageLocation(user, target);
    const direct = directLicences(user);
    const sameLocation = !usageLocation || usageLocation === String(user.usageLocation ?? "").toUpperCase();
    if (sameLocation && changesNothing(direct, change)) refuseUnchanged(user.userPrincipalName, target);
    if (!sameLocation) requireGrantedFor(context, setUsageLocationRequest);
    const states = licenceStates(user);
    for (const [index, licence] of change.add.entries()) {
      if (!holds(states, licence.skuId)) requireFreeSeats(context.tenant.tenantName, skuOf(change, licence.skuId), 1, target, `add.${index}.sku`);
    }
    const names = licenceNames(change.subscribed, [...direct, ...change.add]);
    return {
      target,
      before: userView(user, names, usageLocation !== undefined),
      plan: { userId: user.id, ...(usageLocation && !sameLocation ? { usageLocation } : {}), add: change.add, remove: change.remove, names },
    };
  },

  async apply(context, plan) {
    if (plan.usageLocation) await context.graph.send({ method: "PATCH", path: `/users/${plan.userId}`, body: { usageLocation: plan.usageLocation } });
    await context.graph.send({ method: "POST", path: `/users/${plan.userId}/assignLicense`, body: { addLicenses: plan.add, removeLicenses: plan.remove } });
    return {};
  },

  async check(context, plan) {
    const user = await readUser(context, plan.userId, userProperties);
    const differences = licenceDifferences(directLicences(user), plan.add, plan.remove, plan.names);
    if (plan.usageLocation && String(user.usageLocation ?? "").toUpperCase() !== plan.usageLocation) differences.unshift("usageLocation differs from the request");
    return {
      applied: differences.length === 0,
      after: userView(user, plan.names, plan.usageLocation !== undefined),
      ...(differences.length ? { difference: differences.join("; ") } : {}),
    };
  },
});

function groupLicences(group: GraphGroup): AssignedLicence[] {
  const assigned = (group.assignedLicenses ?? []) as unknown as AssignedLicence[];
  return assigned.map((l) => ({ skuId: l.skuId.toLowerCase(), disabledPlans: lower(l.disabledPlans) }));
}

/** Microsoft's bound on values in one `in (...)` filter of a directory query. */
const idsPerQuery = 15;

/** For each member, the SKU ids it holds (directly or from a group), read 15 members per request. */
async function licencesHeld(context: ActionContext, userIds: readonly string[]): Promise<Map<string, LicenceState[]>> {
  const held = new Map<string, LicenceState[]>();
  for (let i = 0; i < userIds.length; i += idsPerQuery) {
    const ids = userIds.slice(i, i + idsPerQuery).map(odataString).join(",");
    const answer = await context.graph.get<{ value: { id: string; licenseAssignmentStates?: LicenceState[] }[] }>(
      `/users?$filter=${encodeURIComponent(`id in (${ids})`)}&$select=id,licenseAssignmentStates&$top=${idsPerQuery}`,
    );
    for (const user of answer.body.value) held.set(user.id.toLowerCase(), user.licenseAssignmentStates ?? []);
  }
  return held;
}

/**
 * Every direct user member takes a seat of a licence newly assigned to the group, unless it already holds
 * one. Members' licences are read only when the group has more users than there are free seats.
 */
async function requireSeatsForMembers(context: ActionContext, group: GraphGroup, change: ResolvedLicenceChange, current: readonly AssignedLicence[], target: AuditTarget): Promise<void> {
  const newSkuIds = change.add.map((a) => a.skuId).filter((skuId) => !current.some((l) => l.skuId === skuId));
  if (newSkuIds.length === 0) return;
  const collection = { path: `/groups/${encodeURIComponent(group.id)}/members` };
  const members = await readAllPages<{ id: string; "@odata.type"?: string }>(context, collection, `${collection.path}?$select=id&$top=999`);
  const userIds = members.filter((m) => m["@odata.type"] === "#microsoft.graph.user").map((m) => m.id.toLowerCase());
  let held: Map<string, LicenceState[]> | undefined;
  for (const skuId of newSkuIds) {
    const sku = skuOf(change, skuId);
    if (userIds.length <= sku.prepaidUnits.enabled - sku.consumedUnits) continue;
    held ??= await licencesHeld(context, userIds);
    const needed = userIds.filter((id) => !holds(held!.get(id) ?? [], skuId)).length;
    requireFreeSeats(context.tenant.tenantName, sku, needed, target, `add.${change.add.findIndex((a) => a.skuId === skuId)}.sku`);
  }
}

/** POST /groups/{id}/assignLicense (group-based licensing); before and after are the group's licences. */
const assignGroupLicences = writeExecutor<LicensesAssignGroupInput, GroupLicencePlan>({
  async prepare(context, input) {
    const group = await readGroup(context, input.groupId, ["assignedLicenses"]);
    const target = groupTarget(group);
    refuseRoleAssignableGroup(group, target);
    if (group.securityEnabled !== true) {
      throw new ActionRefused({
        code: "not_security_group",
        target,
        message: `${group.displayName} is not security-enabled; Microsoft assigns licences only to security groups and to Microsoft 365 groups with security enabled.`,
        fix: "Assign the licence to a security group, or to each user.",
      });
    }
    const change = await resolveLicenceChange(context, input, target);
    const current = groupLicences(group);
    for (const [index, skuId] of change.remove.entries()) if (!current.some((l) => l.skuId === skuId)) refuseNotAssigned(group.displayName, change, index, target);
    if (changesNothing(current, change)) refuseUnchanged(group.displayName, target);
    await requireSeatsForMembers(context, group, change, current, target);
    const names = licenceNames(change.subscribed, [...current, ...change.add]);
    return { target, before: { licenses: licencesView(current, names) }, plan: { groupId: group.id, add: change.add, remove: change.remove, names } };
  },

  async apply(context, plan) {
    await context.graph.send({ method: "POST", path: `/groups/${plan.groupId}/assignLicense`, body: { addLicenses: plan.add, removeLicenses: plan.remove } });
    return {};
  },

  async check(context, plan) {
    const group = await readGroup(context, plan.groupId, ["assignedLicenses"]);
    const current = groupLicences(group);
    const differences = licenceDifferences(current, plan.add, plan.remove, plan.names);
    return {
      applied: differences.length === 0,
      after: { licenses: licencesView(current, plan.names) },
      ...(differences.length ? { difference: differences.join("; ") } : {}),
    };
  },
});

export const licenseExecutors: readonly [ActionId, AnyExecutor][] = [
  [actionIds.licensesAssignUser, assignUserLicences],
  [actionIds.licensesAssignGroup, assignGroupLicences],
];
