// `access check`: would this operator be allowed to run this action in this tenant, on this target? Answered
// by the same decisions, in the same order, as the action runner makes them: the tenant in scope, the
// operator's role actions, then Microsoft's tables when the target is an administrator (its roles read from
// Graph with the runner's own guard). Nothing is changed and nothing is journalled.
import entraRoleRules from "../../data/entra-role-rules.json" with { type: "json" };
import { z } from "zod";
import { ActionInputError, ActionRefused } from "../actions/action-errors.ts";
import type { ActionContext } from "../actions/action-executor.ts";
import { actionContextFor } from "../actions/action-runner.ts";
import { findDeletedUser } from "../actions/executors/deleted-users.ts";
import { readUser } from "../actions/executors/user-reads.ts";
import { deleteOrRestore, guardKnownAdminRoles, readTargetAdminRoles } from "../actions/guards/admin-target-guard.ts";
import { readAssignmentsOf } from "../actions/reads/user-details.ts";
import type { ActionDefinition } from "../catalog/action-definition.ts";
import { type ActionId, actionIds } from "../catalog/action-ids.ts";
import { actionById } from "../catalog/catalog.ts";
import { entraRoleByTemplateId } from "../catalog/entra-role-data.ts";
import { GraphRequestError } from "../graph/graph-errors.ts";
import type { TenantConnection } from "../tenants/connections-store.ts";
import type { TenantsService } from "../tenants/tenants-service.ts";
import type { AccessLoader } from "./access-loader.ts";
import type { AccessDecision, OperatorAccess } from "./operator-access.ts";
import type { OperatorsAdmin } from "./operators-admin.ts";
import { platformRoleIds } from "./platform-roles.ts";
import { tokenScopes } from "./principal.ts";
import type { TargetAdminRoles, TargetRuleTable } from "./target-role-rules.ts";
import { connectedTenant, tenantNameOf } from "./tenant-references.ts";

export interface AccessCheckRequest {
  /** Who asks: a Platform Administrator may check anyone, an operator itself. */
  readonly caller: OperatorAccess;
  /** Id or user principal name. */
  readonly operator: string;
  readonly tenant: string;
  readonly action: ActionId;
  /** The target user's user principal name or id (for restore and permanent deletion, the deleted user's id). */
  readonly target?: string | undefined;
  /** The action's input, for role actions some properties need of their own; the target fills in userId. */
  readonly input?: Readonly<Record<string, unknown>> | undefined;
}

export interface AccessCheckStep {
  readonly check: "tenant-scope" | "role-actions" | "administrator-target";
  readonly allowed: boolean;
  readonly reason: string;
  /** Built-in roles that would allow what this step refused. */
  readonly rolesThatWould: readonly string[];
}

export interface AccessCheckAnswer {
  readonly allowed: boolean;
  readonly reason: string;
  readonly operator: { readonly id: string; readonly userPrincipalName: string };
  readonly tenant: { readonly tenantId: string; readonly name: string };
  readonly action: { readonly id: ActionId; readonly title: string };
  readonly target: { readonly id: string; readonly display: string; readonly adminRoles: readonly string[]; readonly inRoleAssignableGroup: boolean } | null;
  readonly steps: readonly AccessCheckStep[];
  /** What else matters for a run but is not the operator's rights: consent, Tenantry's own directory roles, what was not checked. */
  readonly notes: readonly string[];
}

const sensitive = new Set<string>([...entraRoleRules.sensitiveProperties, deleteOrRestore]);
const tableTitles: Readonly<Record<TargetRuleTable, string>> = { "password-reset": "Who can reset passwords", "sensitive-action": "Who can perform sensitive actions" };
/** Actions whose target is a deleted user, read from the deleted items. */
const deletedUserActions: ReadonlySet<ActionId> = new Set([actionIds.usersRestore, actionIds.usersDeletePermanently]);

const tenantNotFound = (tenant: string) =>
  new ActionRefused({ status: 404, code: "tenant_not_found", field: "tenant", message: `tenant: tenant '${tenant}' is not connected.`, fix: "Give the id or a domain of a connected tenant (`tenantry tenants list`)." });

/** The action's input as the runner would parse it; the target fills in a missing userId. */
function parsedInput(definition: ActionDefinition, request: AccessCheckRequest): Record<string, unknown> | undefined {
  if (!request.input) return undefined;
  const schema = definition.input;
  const takesUser = schema instanceof z.ZodObject && "userId" in schema.shape;
  if (takesUser && request.target && typeof request.input.userId === "string" && request.input.userId.toLowerCase() !== request.target.toLowerCase()) {
    throw new ActionInputError("input.userId", "names another user than target; give one of them.");
  }
  const fillUser = takesUser && !("userId" in request.input);
  const raw = fillUser && request.target ? { ...request.input, userId: request.target } : request.input;
  const checked = fillUser && !request.target && schema instanceof z.ZodObject ? schema.omit({ userId: true }) : schema;
  const parsed = checked.safeParse(raw);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const issue = parsed.error.issues[0]!;
  throw new ActionInputError(["input", ...issue.path.map(String)].join("."), issue.message);
}

/** The user properties the action changes (all it may change when no input says which), or deletion/restore. */
function touchedProperties(definition: ActionDefinition, input: Record<string, unknown> | undefined): string[] {
  const patches = definition.graph.filter((r) => r.method === "PATCH" && r.path === "/users/{id}");
  if (patches.length === 0) return [deleteOrRestore];
  const properties = patches.flatMap((r) => r.properties ?? []);
  const changes = input?.changes;
  return typeof changes === "object" && changes !== null ? properties.filter((p) => p in changes) : properties;
}

function consentNote(connection: TenantConnection, definition: ActionDefinition, tenantName: string): string | undefined {
  const feature = connection.lastCheck?.modules.flatMap((m) => m.features).find((f) => f.action === definition.id);
  if (!feature || feature.available) return undefined;
  const missing = [...feature.missingPermissions, ...feature.missingRoles.map((r) => `the directory role ${r.displayName}`)].join(", ");
  return `As of the last consent check (${connection.lastCheckAt}), ${tenantName} has not granted ${missing}, which "${definition.title}" needs: a run would be refused for that until it does.`;
}

async function readTarget(context: ActionContext, definition: ActionDefinition, ref: string): Promise<{ id: string; display: string; roles: TargetAdminRoles }> {
  const notFound = (where: string) => new ActionRefused({ status: 404, code: "target_not_found", field: "target", message: `target: no ${where} ${ref} in ${context.tenant.tenantName}.`, fix: "Give the user's user principal name or object id." });
  if (deletedUserActions.has(definition.id)) {
    const deleted = await findDeletedUser(context, ref);
    if (!deleted) throw notFound("deleted user with the id");
    // As the runner's guard does: a deleted user's group memberships cannot be read, its directory roles can.
    const roleTemplateIds = (await readAssignmentsOf(context, deleted.id)).map((a) => a.roleDefinitionId.toLowerCase());
    return { id: deleted.id, display: deleted.displayName ?? deleted.id, roles: { roleTemplateIds, inRoleAssignableGroup: false } };
  }
  const user = await readUser(context, ref).catch((error: unknown) => {
    throw error instanceof GraphRequestError && error.status === 404 ? notFound("user") : error;
  });
  return { id: user.id, display: user.userPrincipalName, roles: await readTargetAdminRoles(context, user.id) };
}

const roleNames = (roles: TargetAdminRoles) => [...new Set(roles.roleTemplateIds)].map((id) => entraRoleByTemplateId(id)?.displayName ?? `custom role ${id}`);

export function createAccessCheck(deps: { operators: Pick<OperatorsAdmin, "find">; accessOf: AccessLoader; tenants: Pick<TenantsService, "get" | "access"> }) {
  /** Microsoft's table for an administrator target, applied through the runner's own guard. */
  async function targetStep(access: OperatorAccess, connection: TenantConnection, definition: ActionDefinition, table: TargetRuleTable, request: AccessCheckRequest & { target: string }, input: Record<string, unknown> | undefined, notes: string[]) {
    const decisions: AccessDecision[] = [];
    const recording = {
      principal: access.principal,
      decideOnTarget: (t: TargetRuleTable, tenantId: string, roles: TargetAdminRoles) => {
        const decision = access.decideOnTarget(t, tenantId, roles);
        decisions.push(decision);
        return decision;
      },
    };
    const context = actionContextFor(await deps.tenants.access(connection.tenantId), recording, []);
    const target = await readTarget(context, definition, request.target);
    const summary = { id: target.id, display: target.display, adminRoles: roleNames(target.roles), inRoleAssignableGroup: target.roles.inRoleAssignableGroup };
    const touched = touchedProperties(definition, input).filter((p) => sensitive.has(p));
    const step = (allowed: boolean, reason: string, rolesThatWould: readonly string[] = []): AccessCheckStep => ({ check: "administrator-target", allowed, reason, rolesThatWould });
    if (target.roles.roleTemplateIds.length === 0 && !target.roles.inRoleAssignableGroup) {
      return { summary, step: step(true, `${target.display} holds no administrator role and is in no role-assignable group, so Microsoft's table "${tableTitles[table]}" does not restrict this.`) };
    }
    if (touched.length === 0) return { summary, step: step(true, `${target.display} is an administrator, but the change touches none of the properties Microsoft protects on administrators.`) };
    const auditTarget = { id: target.id, kind: "user", display: target.display };
    for (const property of touched) {
      try {
        await guardKnownAdminRoles(context, target.roles, auditTarget, [property]);
      } catch (error) {
        if (!(error instanceof ActionRefused)) throw error;
        if (error.code === "operator_role_insufficient") return { summary, step: step(false, error.message, decisions.findLast((d) => !d.allowed)?.rolesThatWould ?? []) };
        if (error.code !== "service_principal_role_missing") throw error;
        notes.push(`${error.message} ${error.fix ?? ""}`.trim());
      }
    }
    const granted = decisions.findLast((d) => d.allowed)?.reason ?? "";
    const what = touched.map((p) => (p === deleteOrRestore ? "deleting or restoring" : p)).join(", ");
    return { summary, step: step(true, `${target.display} holds ${summary.adminRoles.join(", ") || "a role through a role-assignable group"}; for ${what}: ${granted}`) };
  }

  return async function checkAccess(request: AccessCheckRequest): Promise<AccessCheckAnswer> {
    const definition = actionById(request.action);
    const caller = request.caller;
    const platformAdministrator = caller.hasPlatformRole(platformRoleIds.platformAdministrator);
    const operator = await deps.operators.find(request.operator);
    const self = operator !== undefined && operator.id === caller.principal.operatorId;
    if (!platformAdministrator && !self) {
      throw new ActionRefused({
        status: 403,
        code: "forbidden",
        message: `Checking another operator's access needs the Tenantry role Platform Administrator, which ${caller.principal.name} does not hold (or this API token lacks the scope for it); any operator may check its own.`,
        fix: "Give your own user name as the operator, or ask a Platform Administrator.",
      });
    }
    if (!operator) throw new ActionRefused({ status: 404, code: "operator_not_found", field: "operator", message: `operator: there is no operator ${request.operator}.`, fix: "List the operators with `tenantry operators list`." });
    const connection = await connectedTenant(deps.tenants, request.tenant, "tenant");
    if (!platformAdministrator && !caller.canSee(connection.tenantId)) throw tenantNotFound(request.tenant);
    // Judged as the operator, not as the credential asking: an operator checking itself gets the same answer as from an administrator.
    const access = await deps.accessOf({ operatorId: operator.id, name: operator.userPrincipalName, groupIds: operator.groupIds, scopes: tokenScopes });

    const name = operator.userPrincipalName;
    const tenantName = tenantNameOf(connection);
    const steps: AccessCheckStep[] = [];
    const notes: string[] = [];
    const answer = (target: AccessCheckAnswer["target"] = null): AccessCheckAnswer => {
      const refused = steps.find((s) => !s.allowed);
      return {
        allowed: !refused,
        reason: refused?.reason ?? steps.slice(1).map((s) => s.reason).join(" "),
        operator: { id: operator.id, userPrincipalName: name },
        tenant: { tenantId: connection.tenantId, name: tenantName },
        action: { id: definition.id, title: definition.title },
        target,
        steps,
        notes,
      };
    };

    if (operator.kind === "person" && operator.entraObjectId === null) {
      notes.push(`${name} has not signed in yet: Tenantry learns its Entra groups at sign-in, so roles assigned to its groups count only from then.`);
    }
    const held = access.rolesIn(connection.tenantId).roleNames;
    if (!access.canSee(connection.tenantId)) {
      steps.push({ check: "tenant-scope", allowed: false, reason: `${tenantName} is not in ${name}'s scope: no role assignment of ${name} (or of its groups) covers it, so Tenantry answers as if the tenant were not connected.`, rolesThatWould: [] });
      return answer();
    }
    steps.push({ check: "tenant-scope", allowed: true, reason: held.length ? `${name} holds ${held.join(", ")} in ${tenantName}.` : `${name} sees ${tenantName} through a Tenantry platform role only.`, rolesThatWould: [] });

    const input = parsedInput(definition, request);
    const decision = access.decideAction(definition, input ?? {}, connection.tenantId, tenantName);
    steps.push({ check: "role-actions", allowed: decision.allowed, reason: decision.reason, rolesThatWould: decision.rolesThatWould });
    if (!input && definition.propertyRoleActions) {
      notes.push(`Some properties need role actions of their own (${[...new Set(Object.values(definition.propertyRoleActions))].join(", ")}): give the input to check those it changes.`);
    }
    if (!decision.allowed) return answer();
    const consent = consentNote(connection, definition, tenantName);
    if (consent) notes.push(consent);

    const table = definition.guards.adminTarget;
    if (!table || table === "none") {
      if (request.target) notes.push(`Microsoft's administrator tables do not apply to "${definition.title}", so the target was not read.`);
      return answer();
    }
    if (!request.target) {
      notes.push(`No target given: when the target is an administrator, Microsoft's table "${tableTitles[table]}" also decides, applied to ${name}'s built-in roles in ${tenantName}.`);
      return answer();
    }
    const { summary, step } = await targetStep(access, connection, definition, table, { ...request, target: request.target }, input, notes);
    steps.push(step);
    return answer(summary);
  };
}

export type AccessCheck = ReturnType<typeof createAccessCheck>;
