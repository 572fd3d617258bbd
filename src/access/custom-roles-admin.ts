// Custom roles: a named subset of the actions of Entra's built-in roles. Set and removed with an audit entry
// in the same transaction.
import type { Pool } from "pg";
import { ActionInputError, ActionRefused } from "../actions/action-errors.ts";
import type { AuditActor } from "../audit/audit-entry.ts";
import type { AuditLog } from "../audit/audit-log.ts";
import { isKnownRoleAction } from "../catalog/entra-role-data.ts";
import { inTransaction } from "../store/transaction.ts";
import { accessAuditActions } from "./access-audit-actions.ts";
import { createCustomRolesStore, type CustomRole } from "./custom-roles-store.ts";
import { isReservedRoleName } from "./role-directory.ts";

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createCustomRolesAdmin(deps: { pool: Pick<Pool, "query" | "connect">; audit: Pick<AuditLog, "append"> }) {
  const store = createCustomRolesStore({ pool: deps.pool });
  const target = (role: CustomRole) => ({ id: role.id, kind: "custom-role", display: role.name });
  const contents = (role: CustomRole) => ({ description: role.description, actions: [...role.actions] });

  return {
    /** Creates the role or replaces its description and actions; `created` tells which. */
    async put(name: string, request: { description?: string | undefined; actions: readonly string[] }, actor: AuditActor): Promise<{ role: CustomRole; created: boolean }> {
      if (guidPattern.test(name)) throw new ActionInputError("name", "A custom role's name cannot be a GUID: roles are found by id or name.");
      if (isReservedRoleName(name)) {
        throw new ActionRefused({ status: 409, code: "role_name_taken", field: "name", message: `${name} is the name of a built-in or Tenantry role.`, fix: "Give the custom role a name of its own." });
      }
      const unknown = request.actions.findIndex((action) => !isKnownRoleAction(action));
      if (unknown >= 0) throw new ActionInputError(`actions.${unknown}`, `${request.actions[unknown]} is not an action of any Entra built-in role.`);
      const existing = await store.find(name);
      return inTransaction(deps.pool, async (tx) => {
        const role = await createCustomRolesStore({ pool: tx }).put({ name, description: request.description ?? null, actions: [...new Set(request.actions)] });
        await deps.audit.append(
          { actor, action: accessAuditActions.customRoleSet, target: target(role), inputs: { name, ...request }, before: existing ? contents(existing) : null, after: contents(role), outcome: "succeeded" },
          tx,
        );
        return { role, created: !existing };
      });
    },

    /** Refused while role assignments name the role. */
    async remove(name: string, actor: AuditActor): Promise<CustomRole> {
      const role = await store.find(name);
      if (!role) throw new ActionRefused({ status: 404, code: "role_not_found", message: `There is no custom role ${name}.`, fix: "List the roles with `tenantry roles list`." });
      return inTransaction(deps.pool, async (tx) => {
        const { rows } = await tx.query<{ count: number }>("SELECT count(*)::int AS count FROM role_assignments WHERE role_kind = 'custom' AND role_id = $1", [role.id]);
        const used = rows[0]!.count;
        if (used > 0) {
          throw new ActionRefused({
            status: 409,
            code: "role_in_use",
            message: `The custom role ${role.name} is held through ${used} role assignment(s); removing it would take those rights away unseen.`,
            fix: "Remove those assignments first (`tenantry role-assignments list`, then `tenantry role-assignments remove <id>`).",
          });
        }
        await createCustomRolesStore({ pool: tx }).remove(role.id);
        await deps.audit.append({ actor, action: accessAuditActions.customRoleRemove, target: target(role), before: contents(role), after: null, outcome: "succeeded" }, tx);
        return role;
      });
    },
  };
}

export type CustomRolesAdmin = ReturnType<typeof createCustomRolesAdmin>;
