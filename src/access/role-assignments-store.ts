import type { Pool } from "pg";

export type RoleRef = { readonly kind: "entra"; readonly id: string } | { readonly kind: "custom"; readonly id: string } | { readonly kind: "platform"; readonly id: string };

export type AssignmentScope =
  | { readonly kind: "tenant"; readonly tenantId: string }
  | { readonly kind: "tenant-group"; readonly groupId: string }
  | { readonly kind: "all" }
  | { readonly kind: "all-except"; readonly exceptTenantIds: readonly string[] };

export interface RoleAssignment {
  readonly id: string;
  readonly principal: { readonly kind: "operator" | "group"; readonly id: string };
  readonly role: RoleRef;
  readonly scope: AssignmentScope;
  readonly createdAt: string;
}

interface Row {
  id: string;
  principal_kind: "operator" | "group";
  principal_id: string;
  role_kind: "entra" | "custom" | "platform";
  role_id: string;
  scope_kind: AssignmentScope["kind"];
  scope_tenant_id: string | null;
  scope_group_id: string | null;
  except_tenant_ids: string[];
  created_at: Date;
}

function scopeOf(row: Row): AssignmentScope {
  if (row.scope_kind === "tenant") return { kind: "tenant", tenantId: row.scope_tenant_id! };
  if (row.scope_kind === "tenant-group") return { kind: "tenant-group", groupId: row.scope_group_id! };
  if (row.scope_kind === "all-except") return { kind: "all-except", exceptTenantIds: row.except_tenant_ids };
  return { kind: "all" };
}

function assignmentOf(row: Row): RoleAssignment {
  return {
    id: row.id,
    principal: { kind: row.principal_kind, id: row.principal_id },
    role: { kind: row.role_kind, id: row.role_id },
    scope: scopeOf(row),
    createdAt: row.created_at.toISOString(),
  };
}

/** Role assignments: a principal (operator or Entra group) holds a role in a scope of tenants. */
export function createRoleAssignmentsStore(deps: { pool: Pick<Pool, "query"> }) {
  return {
    async list(filter: { principalId?: string } = {}): Promise<RoleAssignment[]> {
      const { rows } = filter.principalId
        ? await deps.pool.query<Row>("SELECT * FROM role_assignments WHERE principal_id = $1 ORDER BY created_at", [filter.principalId])
        : await deps.pool.query<Row>("SELECT * FROM role_assignments ORDER BY created_at");
      return rows.map(assignmentOf);
    },

    /** Every assignment of the operator, directly or through one of its groups. */
    async ofPrincipal(operatorId: string, groupIds: readonly string[]): Promise<RoleAssignment[]> {
      const { rows } = await deps.pool.query<Row>(
        "SELECT * FROM role_assignments WHERE (principal_kind = 'operator' AND principal_id = $1) OR (principal_kind = 'group' AND principal_id = ANY($2::uuid[]))",
        [operatorId, groupIds],
      );
      return rows.map(assignmentOf);
    },

    async add(assignment: Omit<RoleAssignment, "id" | "createdAt">): Promise<RoleAssignment> {
      const scope = assignment.scope;
      const { rows } = await deps.pool.query<Row>(
        `INSERT INTO role_assignments (principal_kind, principal_id, role_kind, role_id, scope_kind, scope_tenant_id, scope_group_id, except_tenant_ids)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [
          assignment.principal.kind,
          assignment.principal.id,
          assignment.role.kind,
          assignment.role.id,
          scope.kind,
          scope.kind === "tenant" ? scope.tenantId : null,
          scope.kind === "tenant-group" ? scope.groupId : null,
          scope.kind === "all-except" ? scope.exceptTenantIds : [],
        ],
      );
      return assignmentOf(rows[0]!);
    },

    async get(id: string): Promise<RoleAssignment | undefined> {
      const { rows } = await deps.pool.query<Row>("SELECT * FROM role_assignments WHERE id = $1", [id]);
      return rows[0] ? assignmentOf(rows[0]) : undefined;
    },

    async remove(id: string): Promise<boolean> {
      return ((await deps.pool.query("DELETE FROM role_assignments WHERE id = $1", [id])).rowCount ?? 0) > 0;
    },
  };
}

export type RoleAssignmentsStore = ReturnType<typeof createRoleAssignmentsStore>;
