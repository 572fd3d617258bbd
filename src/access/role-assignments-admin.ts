// Adding and removing role assignments: names in the request (operators, roles, tenants, tenant groups)
// resolved to ids, and every change written to the audit log in the same transaction.
import type { Pool } from "pg";
import { ActionInputError, ActionRefused } from "../actions/action-errors.ts";
import type { AuditActor } from "../audit/audit-entry.ts";
import type { AuditLog } from "../audit/audit-log.ts";
import { inTransaction } from "../store/transaction.ts";
import type { TenantsService } from "../tenants/tenants-service.ts";
import { accessAuditActions } from "./access-audit-actions.ts";
import { type AssignmentView, assignmentText, assignmentView, loadAccessNames } from "./assignment-views.ts";
import { createCustomRolesStore } from "./custom-roles-store.ts";
import { refuseRemovingLastPlatformAdministrator } from "./last-platform-administrator.ts";
import type { OperatorsAdmin } from "./operators-admin.ts";
import { createOperatorsStore } from "./operators-store.ts";
import { platformRoleIds } from "./platform-roles.ts";
import { type AssignmentScope, createRoleAssignmentsStore, type RoleAssignment } from "./role-assignments-store.ts";
import { createRoleDirectory } from "./role-directory.ts";
import { createTenantGroupsStore } from "./tenant-groups-store.ts";
import { connectedTenant, connectedTenantIds } from "./tenant-references.ts";

/** An assignment as a request names it. */
export interface AssignmentRequest {
  readonly principal: { readonly operator: string } | { readonly group: string };
  readonly role: string;
  readonly scope: { readonly tenant: string } | { readonly tenantGroup: string } | { readonly all: true } | { readonly allExcept: readonly string[] };
}

const sameScope = (a: AssignmentScope, b: AssignmentScope) =>
  JSON.stringify(a.kind === "all-except" ? { ...a, exceptTenantIds: [...a.exceptTenantIds].sort() } : a) === JSON.stringify(b.kind === "all-except" ? { ...b, exceptTenantIds: [...b.exceptTenantIds].sort() } : b);

export function createRoleAssignmentsAdmin(deps: {
  pool: Pick<Pool, "query" | "connect">;
  audit: Pick<AuditLog, "append">;
  tenants: Pick<TenantsService, "get" | "list">;
  operators: Pick<OperatorsAdmin, "require">;
}) {
  const store = createRoleAssignmentsStore({ pool: deps.pool });
  const tenantGroups = createTenantGroupsStore({ pool: deps.pool });
  const customRoles = createCustomRolesStore({ pool: deps.pool });
  const roles = createRoleDirectory({ customRoles });
  const names = () => loadAccessNames({ operators: createOperatorsStore({ pool: deps.pool }), customRoles, tenantGroups, tenants: deps.tenants });

  async function principalOf(principal: AssignmentRequest["principal"]): Promise<RoleAssignment["principal"]> {
    if ("group" in principal) return { kind: "group", id: principal.group.toLowerCase() };
    const operator = await deps.operators.require(principal.operator).catch((error: unknown) => {
      throw error instanceof ActionRefused ? new ActionRefused({ status: 404, code: error.code, field: "principal.operator", message: error.message, ...(error.fix ? { fix: error.fix } : {}) }) : error;
    });
    return { kind: "operator", id: operator.id };
  }

  async function scopeOf(scope: AssignmentRequest["scope"]): Promise<AssignmentScope> {
    if ("tenant" in scope) return { kind: "tenant", tenantId: (await connectedTenant(deps.tenants, scope.tenant, "scope.tenant")).tenantId };
    if ("allExcept" in scope) return { kind: "all-except", exceptTenantIds: await connectedTenantIds(deps.tenants, scope.allExcept, "scope.allExcept") };
    if ("all" in scope) return { kind: "all" };
    const group = await tenantGroups.find(scope.tenantGroup);
    if (!group) {
      throw new ActionRefused({ status: 404, code: "tenant_group_not_found", field: "scope.tenantGroup", message: `There is no tenant group ${scope.tenantGroup}.`, fix: "List them with `tenantry tenant-groups list`, or make one with `tenantry tenant-groups set <name> --tenant <t>`." });
    }
    return { kind: "tenant-group", groupId: group.id };
  }

  return {
    /** Every assignment, or those an operator holds (its own and its groups'). */
    async list(filter: { operator?: string | undefined } = {}): Promise<AssignmentView[]> {
      let held: RoleAssignment[];
      if (filter.operator) {
        const operator = await deps.operators.require(filter.operator);
        held = await store.ofPrincipal(operator.id, operator.groupIds);
      } else held = await store.list();
      const book = await names();
      return held.map((a) => assignmentView(a, book));
    },

    async add(request: AssignmentRequest, actor: AuditActor): Promise<AssignmentView> {
      const principal = await principalOf(request.principal);
      const role = await roles.resolve(request.role);
      if (!role) {
        throw new ActionRefused({ status: 404, code: "role_not_found", field: "role", message: `There is no role ${request.role}.`, fix: "Give a built-in role's name or template id, a custom role's name, platform-administrator or auditor (`tenantry roles list`)." });
      }
      const scope = await scopeOf(request.scope);
      if (role.ref.kind === "platform" && scope.kind !== "all") throw new ActionInputError("scope", `${role.name} is a Tenantry role, held for all tenants: give {"all": true}.`);
      const existing = await store.list({ principalId: principal.id });
      if (existing.some((a) => a.principal.kind === principal.kind && a.role.kind === role.ref.kind && a.role.id === role.ref.id && sameScope(a.scope, scope))) {
        throw new ActionRefused({ status: 409, code: "assignment_exists", field: "role", message: `${role.name} is already assigned to this principal in that scope.` });
      }
      const book = await names();
      return inTransaction(deps.pool, async (tx) => {
        const added = await createRoleAssignmentsStore({ pool: tx }).add({ principal, role: role.ref, scope });
        const view = assignmentView(added, book);
        await deps.audit.append(
          {
            actor,
            action: accessAuditActions.assignmentAdd,
            tenantId: scope.kind === "tenant" ? scope.tenantId : null,
            target: { id: added.id, kind: "role-assignment", display: assignmentText(view) },
            inputs: { ...request },
            after: { principal: view.principal, role: view.role, scope: view.scope },
            outcome: "succeeded",
          },
          tx,
        );
        return view;
      });
    },

    /** Never the last assignment that leaves someone Platform Administrator. */
    async remove(id: string, actor: AuditActor): Promise<AssignmentView> {
      const assignment = await store.get(id);
      if (!assignment) throw new ActionRefused({ status: 404, code: "assignment_not_found", message: `There is no role assignment ${id}.`, fix: "List them with `tenantry role-assignments list`." });
      const view = assignmentView(assignment, await names());
      return inTransaction(deps.pool, async (tx) => {
        if (assignment.role.kind === "platform" && assignment.role.id === platformRoleIds.platformAdministrator) {
          await refuseRemovingLastPlatformAdministrator(tx, { assignmentId: assignment.id, display: `the assignment ${assignmentText(view)}` });
        }
        if (!(await createRoleAssignmentsStore({ pool: tx }).remove(id))) throw new ActionRefused({ status: 404, code: "assignment_not_found", message: `There is no role assignment ${id}.` });
        await deps.audit.append(
          {
            actor,
            action: accessAuditActions.assignmentRemove,
            tenantId: assignment.scope.kind === "tenant" ? assignment.scope.tenantId : null,
            target: { id, kind: "role-assignment", display: assignmentText(view) },
            before: { principal: view.principal, role: view.role, scope: view.scope },
            after: null,
            outcome: "succeeded",
          },
          tx,
        );
        return view;
      });
    },
  };
}

export type RoleAssignmentsAdmin = ReturnType<typeof createRoleAssignmentsAdmin>;
