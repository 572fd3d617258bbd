import type { JsonObject, JsonValue } from "../../audit/audit-entry.ts";
import { type ActionId, actionIds } from "../../catalog/action-ids.ts";
import type { GroupMemberInput, GroupsUpdatePropertiesInput } from "../../catalog/actions/group-actions.ts";
import { GraphRequestError } from "../../graph/graph-errors.ts";
import { ActionRefused } from "../action-errors.ts";
import { type ActionContext, type AnyExecutor, writeExecutor } from "../action-executor.ts";
import { refuseManagedMembership, refuseRoleAssignableGroup, refuseSyncedGroup } from "../guards/group-guards.ts";
import { groupTarget, isDirectMember, pickGroup, readGroup } from "./group-reads.ts";

interface MemberPlan {
  readonly groupId: string;
  readonly memberId: string;
}

/** The group, once the guards allow changing its members. */
async function membershipTarget(context: ActionContext, groupId: string) {
  const group = await readGroup(context, groupId);
  const target = groupTarget(group);
  refuseSyncedGroup(group, target);
  refuseRoleAssignableGroup(group, target);
  refuseManagedMembership(group, target);
  return { group, target };
}

function memberView(memberId: string, isMember: boolean): JsonObject {
  return { memberId, isMember };
}

/** Checks membership again by reading the group's direct members. */
async function checkMembership(context: ActionContext, plan: MemberPlan, wanted: boolean) {
  const isMember = await isDirectMember(context, plan.groupId, plan.memberId);
  return {
    applied: isMember === wanted,
    after: memberView(plan.memberId, isMember),
    ...(isMember === wanted ? {} : { difference: wanted ? "the object is not among the direct members" : "the object is still a direct member" }),
  };
}

/** POST /groups/{id}/members/$ref; a member already there is refused, so that a bulk re-run says what it skipped. */
const addMember = writeExecutor<GroupMemberInput, MemberPlan>({
  async prepare(context, input) {
    const { group, target } = await membershipTarget(context, input.groupId);
    if (await isDirectMember(context, group.id, input.memberId)) {
      throw new ActionRefused({ status: 409, code: "already_member", target, message: `${input.memberId} is already a direct member of ${group.displayName}; nothing to change.` });
    }
    return { target, before: memberView(input.memberId, false), plan: { groupId: group.id, memberId: input.memberId } };
  },
  async apply(context, plan) {
    const body = { "@odata.id": `${context.tenant.graphUrl.replace(/\/$/, "")}/v1.0/directoryObjects/${plan.memberId}` };
    await context.graph.send({ method: "POST", path: `/groups/${plan.groupId}/members/$ref`, body });
    return {};
  },
  check: (context, plan) => checkMembership(context, plan, true),
});

/** DELETE /groups/{id}/members/{memberId}/$ref; someone who is not a direct member is refused. */
const removeMember = writeExecutor<GroupMemberInput, MemberPlan>({
  async prepare(context, input) {
    const { group, target } = await membershipTarget(context, input.groupId);
    if (!(await isDirectMember(context, group.id, input.memberId))) {
      throw new ActionRefused({
        status: 409,
        code: "not_a_member",
        target,
        message: `${input.memberId} is not a direct member of ${group.displayName}; nothing to remove.`,
        fix: "A member of a nested group leaves by being removed from that group.",
      });
    }
    return { target, before: memberView(input.memberId, true), plan: { groupId: group.id, memberId: input.memberId } };
  },
  async apply(context, plan) {
    await context.graph.send({ method: "DELETE", path: `/groups/${plan.groupId}/members/${plan.memberId}/$ref` }).catch((error: unknown) => {
      // Gone already (a retry after a lost answer): the state the request wants.
      if (!(error instanceof GraphRequestError && error.status === 404)) throw error;
    });
    return {};
  },
  check: (context, plan) => checkMembership(context, plan, false),
});

interface PropertiesPlan {
  readonly groupId: string;
  /** Sent in one PATCH; null clears the description. */
  readonly changes: JsonObject;
}

function same(property: string, expected: JsonValue, actual: JsonValue | undefined): boolean {
  if (property === "mailNickname" && typeof expected === "string" && typeof actual === "string") return expected.toLowerCase() === actual.toLowerCase();
  return JSON.stringify(expected ?? null) === JSON.stringify(actual ?? null);
}

/** PATCH /groups/{id}; verified by reading every changed property back. */
const updateProperties = writeExecutor<GroupsUpdatePropertiesInput, PropertiesPlan>({
  async prepare(context, input) {
    const changes = input.changes as JsonObject;
    const properties = Object.keys(changes);
    const group = await readGroup(context, input.groupId, properties);
    const target = groupTarget(group);
    refuseSyncedGroup(group, target);
    refuseRoleAssignableGroup(group, target);
    if (properties.includes("visibility") && !(group.groupTypes ?? []).includes("Unified")) {
      throw new ActionRefused({
        code: "visibility_not_supported",
        field: "changes.visibility",
        target,
        message: `${group.displayName} is not a Microsoft 365 group; only Microsoft 365 groups have a visibility.`,
      });
    }
    return { target, before: pickGroup(group, properties), plan: { groupId: group.id, changes } };
  },
  async apply(context, plan) {
    await context.graph.send({ method: "PATCH", path: `/groups/${plan.groupId}`, body: plan.changes });
    return {};
  },
  async check(context, plan) {
    const properties = Object.keys(plan.changes);
    const group = await readGroup(context, plan.groupId, properties);
    const wrong = properties.filter((p) => !same(p, plan.changes[p]!, group[p]));
    return { applied: wrong.length === 0, after: pickGroup(group, properties), ...(wrong.length ? { difference: `${wrong.join(", ")} differ from the request` } : {}) };
  },
});

export const groupExecutors: readonly [ActionId, AnyExecutor][] = [
  [actionIds.groupsAddMember, addMember],
  [actionIds.groupsRemoveMember, removeMember],
  [actionIds.groupsUpdateProperties, updateProperties],
];
