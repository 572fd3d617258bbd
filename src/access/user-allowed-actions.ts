// What the signed-in operator may do to one user, action by action, decided as the action runner decides a
// run: the operator's role actions, the tenant's consent, then the guards on the target (its state, its sync
// from on-premises, Microsoft's tables when it is an administrator). Nothing is changed or journalled.
import entraRoleRules from "../../data/entra-role-rules.json" with { type: "json" };
import { ActionRefused } from "../actions/action-errors.ts";
import type { ActionContext } from "../actions/action-executor.ts";
import { actionContextFor, consentRefusal, operatorRefusal, type RunnerAccess } from "../actions/action-runner.ts";
import { type DeletedUser, findDeletedUser, originalUserPrincipalName } from "../actions/executors/deleted-users.ts";
import { type GraphUser, readUser } from "../actions/executors/user-reads.ts";
import { deleteOrRestore, guardKnownAdminRoles, readTargetAdminRoles } from "../actions/guards/admin-target-guard.ts";
import { refuseOnPremisesMastered } from "../actions/guards/synced-user-guard.ts";
import { readAssignmentsOf } from "../actions/reads/user-details.ts";
import type { ActionDefinition } from "../catalog/action-definition.ts";
import { userPropertiesChangedBy } from "../catalog/action-user-properties.ts";
import { deletedUserInput } from "../catalog/actions/user-lifecycle-actions.ts";
import { catalog } from "../catalog/catalog.ts";
import { GraphRequestError } from "../graph/graph-errors.ts";
import type { TenantAccess, TenantsService } from "../tenants/tenants-service.ts";
import type { TargetAdminRoles } from "./target-role-rules.ts";

export interface Refusal {
  readonly code: string;
  readonly reason: string;
  readonly fix?: string;
}

export interface PropertyAnswer {
  readonly property: string;
  readonly allowed: boolean;
  readonly refusal?: Refusal;
}

export interface ActionAnswer {
  readonly action: string;
  readonly title: string;
  readonly allowed: boolean;
  readonly refusal?: Refusal;
  /** For actions whose properties need role actions of their own: each property on its own. */
  readonly properties?: readonly PropertyAnswer[];
}

export interface UserAllowedActions {
  readonly tenantId: string;
  readonly user: { readonly id: string; readonly userPrincipalName: string; readonly displayName: string | null; readonly deleted: boolean; readonly deletedDateTime: string | null };
  readonly actions: readonly ActionAnswer[];
}

interface Target {
  readonly id: string;
  readonly display: string;
  /** Undefined for a deleted user. */
  readonly active?: GraphUser;
  readonly deleted?: DeletedUser;
  readonly roles: TargetAdminRoles;
}

const sensitive = new Set<string>([...entraRoleRules.sensitiveProperties, deleteOrRestore]);

const refusalOf = (error: ActionRefused): Refusal => ({ code: error.code, reason: error.message, ...(error.fix ? { fix: error.fix } : {}) });

/** Runs a guard; its refusal is the answer, any other failure is the caller's. */
async function refusedBy(guard: () => void | Promise<void>): Promise<Refusal | undefined> {
  try {
    await guard();
    return undefined;
  } catch (error) {
    if (error instanceof ActionRefused) return refusalOf(error);
    throw error;
  }
}

/** Whether the action's input names a user, and whether that user must be a deleted one. */
function userTargetOf(definition: ActionDefinition): "active" | "deleted" | undefined {
  if (definition.input === deletedUserInput) return "deleted";
  const shape = (definition.input as { shape?: Record<string, unknown> }).shape;
  return shape && ("userId" in shape || "memberId" in shape) ? "active" : undefined;
}

async function readTarget(context: ActionContext, ref: string): Promise<Target> {
  try {
    const user = await readUser(context, ref);
    return { id: user.id, display: user.userPrincipalName, active: user, roles: await readTargetAdminRoles(context, user.id) };
  } catch (error) {
    if (!(error instanceof GraphRequestError && error.status === 404)) throw error;
  }
  const deleted = /^[0-9a-f-]{36}$/i.test(ref) ? await findDeletedUser(context, ref) : undefined;
  if (!deleted) {
    throw new ActionRefused({ status: 404, code: "user_not_found", field: "user", message: `There is no user ${ref} in ${context.tenant.tenantName}, active or deleted.`, fix: "Give the user's object id or user principal name." });
  }
  // As the runner's guard does: a deleted user's group memberships cannot be read, its directory roles can.
  const roleTemplateIds = (await readAssignmentsOf(context, deleted.id)).map((a) => a.roleDefinitionId.toLowerCase());
  return { id: deleted.id, display: originalUserPrincipalName(deleted), deleted, roles: { roleTemplateIds, inRoleAssignableGroup: false } };
}

function stateRefusal(definition: ActionDefinition, target: Target): Refusal | undefined {
  const wanted = userTargetOf(definition);
  if (wanted === "deleted" && !target.deleted) return { code: "user_not_deleted", reason: `${target.display} is not deleted: "${definition.title}" is for deleted users only.` };
  if (wanted === "active" && target.deleted) return { code: "user_deleted", reason: `${target.display} is deleted: restore it first.`, fix: "Restore the user (it stays restorable for 30 days after deletion)." };
  return undefined;
}

/** The guards a run's preparation applies to this user, for these properties (deleting or restoring when none). */
async function guardRefusal(context: ActionContext, definition: ActionDefinition, target: Target, properties: readonly string[]): Promise<Refusal | undefined> {
  if (!userTargetOf(definition)) return undefined;
  const auditTarget = { id: target.id, kind: "user", display: target.display };
  const user = target.active;
  if (user && definition.guards.syncedUser === "refuse-on-premises-mastered") {
    const synced = await refusedBy(() => refuseOnPremisesMastered(user, properties, auditTarget));
    if (synced) return synced;
  }
  const table = definition.guards.adminTarget;
  if (!table || table === "none") return undefined;
  const touched = (properties.length ? properties : [deleteOrRestore]).filter((p) => sensitive.has(p));
  if (touched.length === 0) return undefined;
  return refusedBy(() => guardKnownAdminRoles(context, target.roles, auditTarget, touched));
}

/** A property of its own: its role actions, then the guards for it alone. */
async function propertyAnswer(access: RunnerAccess, context: ActionContext, tenant: TenantAccess, definition: ActionDefinition, target: Target, property: string): Promise<PropertyAnswer> {
  const operator = operatorRefusal(access, definition, { changes: { [property]: null } }, tenant);
  const refusal = operator ? refusalOf(operator) : await guardRefusal(context, definition, target, [property]);
  return refusal ? { property, allowed: false, refusal } : { property, allowed: true };
}

async function actionAnswer(access: RunnerAccess, context: ActionContext, tenant: TenantAccess, definition: ActionDefinition, target: Target): Promise<ActionAnswer> {
  const base = { action: definition.id, title: definition.title };
  const refused = (refusal: Refusal): ActionAnswer => ({ ...base, allowed: false, refusal });
  const state = stateRefusal(definition, target);
  if (state) return refused(state);
  const properties = userPropertiesChangedBy(definition);
  if (definition.propertyRoleActions && properties.length > 0) {
    const answers = await Promise.all(properties.map((p) => propertyAnswer(access, context, tenant, definition, target, p)));
    if (answers.some((a) => a.allowed)) {
      const consent = consentFor(definition, tenant);
      return consent ? { ...refused(consent), properties: answers } : { ...base, allowed: true, properties: answers };
    }
    // No property may change: when the role actions are why for all of them, they say so together.
    const byRoles = answers.every((a) => a.refusal?.code === "operator_not_allowed");
    const operator = byRoles ? operatorRefusal(access, definition, { changes: Object.fromEntries(properties.map((p) => [p, null])) }, tenant) : undefined;
    return { ...refused(operator ? refusalOf(operator) : answers[0]!.refusal!), properties: answers };
  }
  const operator = operatorRefusal(access, definition, {}, tenant);
  const refusal = operator ? refusalOf(operator) : (consentFor(definition, tenant) ?? (await guardRefusal(context, definition, target, properties)));
  return refusal ? refused(refusal) : { ...base, allowed: true };
}

function consentFor(definition: ActionDefinition, tenant: TenantAccess): Refusal | undefined {
  const refusal = consentRefusal(definition, tenant);
  return refusal ? refusalOf(refusal) : undefined;
}

/** Every write action of the catalog, decided for this operator on this user of this tenant. */
export async function decideUserActions(deps: { tenants: Pick<TenantsService, "access"> }, access: RunnerAccess, tenantId: string, userRef: string): Promise<UserAllowedActions> {
  const tenant = await deps.tenants.access(tenantId);
  const context = actionContextFor(tenant, access, []);
  const target = await readTarget(context, userRef);
  const writes = catalog.filter((definition) => definition.kind === "write");
  const actions = await Promise.all(writes.map((definition) => actionAnswer(access, context, tenant, definition, target)));
  return {
    tenantId: tenant.connection.tenantId,
    user: {
      id: target.id,
      userPrincipalName: target.display,
      displayName: target.active?.displayName ?? target.deleted?.displayName ?? null,
      deleted: target.deleted !== undefined,
      deletedDateTime: target.deleted?.deletedDateTime ?? null,
    },
    actions,
  };
}
