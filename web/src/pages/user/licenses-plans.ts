// A licence's service plans as the panel shows them: a label per plan, and which plans an assignment switches off.
import type { UserLicense } from "../../api/user-licenses.ts";

type Assignment = UserLicense["assignments"][number];

export interface PlanLike {
  readonly servicePlanId: string;
  readonly servicePlanName: string | null;
  readonly friendlyName: string | null;
}

const lower = (text: string | null | undefined) => (text ?? "").toLowerCase();

/** How many plans of a licence bear each friendly name (lower case). */
function friendlyNameCounts(plans: readonly PlanLike[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const plan of plans) counts.set(lower(plan.friendlyName), (counts.get(lower(plan.friendlyName)) ?? 0) + 1);
  return counts;
}

/** Microsoft's friendly name; when two plans of a licence share it, their technical names tell them apart. */
export function planLabels(plans: readonly PlanLike[]): Map<string, string> {
  const counts = friendlyNameCounts(plans);
  return new Map(
    plans.map((plan) => {
      const name = plan.friendlyName ?? plan.servicePlanName ?? plan.servicePlanId;
      const shared = plan.friendlyName !== null && (counts.get(lower(plan.friendlyName)) ?? 0) > 1;
      return [plan.servicePlanId, shared && plan.servicePlanName ? `${name} (${plan.servicePlanName})` : name];
    }),
  );
}

/** Plans in label order, so that a long list reads like Microsoft's admin center. */
export function sortedPlans<T extends PlanLike>(plans: readonly T[]): T[] {
  const labels = planLabels(plans);
  return [...plans].sort((a, b) => (labels.get(a.servicePlanId) ?? "").localeCompare(labels.get(b.servicePlanId) ?? ""));
}

/**
 * The ids of the plans an assignment switches off. users.get names disabled plans by friendly name (or id when
 * Microsoft publishes none); a friendly name two plans share is settled by the plan's provisioning state.
 */
export function disabledPlanIds(licence: UserLicense, assignment: Assignment): Set<string> {
  const named = new Set(assignment.disabledPlans.map(lower));
  const friendlyCounts = friendlyNameCounts(licence.servicePlans);
  const disabled = new Set<string>();
  for (const plan of licence.servicePlans) {
    const byId = named.has(lower(plan.servicePlanId)) || (plan.servicePlanName !== null && named.has(lower(plan.servicePlanName)));
    const byFriendlyName = plan.friendlyName !== null && named.has(lower(plan.friendlyName));
    const ambiguous = (friendlyCounts.get(lower(plan.friendlyName)) ?? 0) > 1;
    if (byId || (byFriendlyName && (!ambiguous || plan.provisioningStatus === "Disabled"))) disabled.add(plan.servicePlanId);
  }
  return disabled;
}

/** The plans switched off for the user: the direct assignment's own, or for an inherited licence what is in effect. */
export function savedDisabledPlans(licence: UserLicense): Set<string> {
  const direct = directAssignment(licence);
  if (direct) return disabledPlanIds(licence, direct);
  return new Set(licence.servicePlans.filter((p) => p.provisioningStatus === "Disabled").map((p) => p.servicePlanId));
}

/** The plans switched off once the switch of `servicePlanId` is turned on or off. */
export function switchedPlans(disabled: ReadonlySet<string>, servicePlanId: string, on: boolean): Set<string> {
  const next = new Set(disabled);
  if (on) next.delete(servicePlanId);
  else next.add(servicePlanId);
  return next;
}

export function directAssignment(licence: UserLicense): Assignment | undefined {
  return licence.assignments.find((a) => a.kind === "direct");
}

export function groupAssignments(licence: UserLicense): Assignment[] {
  return licence.assignments.filter((a) => a.kind === "group");
}

/** "Sales Licences" or "Sales Licences and Staff": the groups a licence is inherited from. */
export function inheritedFromText(licence: UserLicense): string {
  const names = [...new Set(groupAssignments(licence).map((a) => a.groupName ?? a.groupId ?? "a group"))];
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** An assignment Microsoft could not apply (e.g. CountViolation when a group's licence has no seat left). */
export function assignmentErrors(licence: UserLicense): string[] {
  return licence.assignments
    .filter((a) => a.state === "Error" || (a.error !== null && a.error !== "None"))
    .map((a) => `${a.kind === "group" ? `From ${a.groupName ?? a.groupId}: ` : ""}${a.error ?? "Error"}`);
}
