// Named sets of tenants for role assignments: set and removed with an audit entry in the same transaction.
import type { Pool } from "pg";
import { ActionRefused } from "../actions/action-errors.ts";
import type { AuditActor } from "../audit/audit-entry.ts";
import type { AuditLog } from "../audit/audit-log.ts";
import { inTransaction } from "../store/transaction.ts";
import type { TenantsService } from "../tenants/tenants-service.ts";
import { accessAuditActions } from "./access-audit-actions.ts";
import { createTenantGroupsStore, type TenantGroup } from "./tenant-groups-store.ts";
import { connectedTenantIds, tenantNameOf } from "./tenant-references.ts";

export interface TenantGroupView {
  readonly id: string;
  readonly name: string;
  readonly tenants: readonly { readonly tenantId: string; readonly name: string }[];
}

export function createTenantGroupsAdmin(deps: { pool: Pick<Pool, "query" | "connect">; audit: Pick<AuditLog, "append">; tenants: Pick<TenantsService, "get" | "list"> }) {
  const store = createTenantGroupsStore({ pool: deps.pool });

  async function viewsOf(groups: readonly TenantGroup[]): Promise<TenantGroupView[]> {
    const names = new Map((await deps.tenants.list()).map((t) => [t.tenantId, tenantNameOf(t)]));
    return groups.map((g) => ({ id: g.id, name: g.name, tenants: g.tenantIds.map((tenantId) => ({ tenantId, name: names.get(tenantId) ?? `${tenantId} (not connected)` })) }));
  }

  const target = (group: TenantGroup) => ({ id: group.id, kind: "tenant-group", display: group.name });
  const namesOf = (view: TenantGroupView) => view.tenants.map((t) => t.name);

  return {
    async list(): Promise<TenantGroupView[]> {
      return viewsOf(await store.list());
    },

    /** Creates the group or replaces its tenants; `created` tells which. */
    async put(name: string, tenants: readonly string[], actor: AuditActor): Promise<{ group: TenantGroupView; created: boolean }> {
      const tenantIds = await connectedTenantIds(deps.tenants, tenants, "tenants");
      const existing = await store.find(name);
      const before = existing ? (await viewsOf([existing]))[0]! : undefined;
      return inTransaction(deps.pool, async (tx) => {
        const group = await createTenantGroupsStore({ pool: tx }).put(name, tenantIds);
        const view = (await viewsOf([group]))[0]!;
        await deps.audit.append(
          { actor, action: accessAuditActions.tenantGroupSet, target: target(group), inputs: { name, tenants: [...tenants] }, before: before ? { tenants: namesOf(before) } : null, after: { tenants: namesOf(view) }, outcome: "succeeded" },
          tx,
        );
        return { group: view, created: !existing };
      });
    },

    /** Refused while role assignments are scoped to the group (removing it would silently drop them). */
    async remove(name: string, actor: AuditActor): Promise<TenantGroupView> {
      const group = await store.find(name);
      if (!group) throw new ActionRefused({ status: 404, code: "tenant_group_not_found", message: `There is no tenant group ${name}.`, fix: "List them with `tenantry tenant-groups list`." });
      const view = (await viewsOf([group]))[0]!;
      return inTransaction(deps.pool, async (tx) => {
        const { rows } = await tx.query<{ count: number }>("SELECT count(*)::int AS count FROM role_assignments WHERE scope_group_id = $1", [group.id]);
        const used = rows[0]!.count;
        if (used > 0) {
          throw new ActionRefused({
            status: 409,
            code: "tenant_group_in_use",
            message: `The tenant group ${group.name} is the scope of ${used} role assignment(s); removing it would take those rights away unseen.`,
            fix: "Remove those assignments first (`tenantry role-assignments list`, then `tenantry role-assignments remove <id>`).",
          });
        }
        await createTenantGroupsStore({ pool: tx }).remove(group.id);
        await deps.audit.append({ actor, action: accessAuditActions.tenantGroupRemove, target: target(group), before: { tenants: namesOf(view) }, after: null, outcome: "succeeded" }, tx);
        return view;
      });
    },
  };
}

export type TenantGroupsAdmin = ReturnType<typeof createTenantGroupsAdmin>;
