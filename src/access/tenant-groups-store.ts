import type { Pool } from "pg";

export interface TenantGroup {
  readonly id: string;
  readonly name: string;
  readonly tenantIds: readonly string[];
}

/** Named sets of tenants, for role assignments scoped to several tenants at once. */
export function createTenantGroupsStore(deps: { pool: Pick<Pool, "query"> }) {
  const select = "SELECT g.id, g.name, coalesce(array_agg(m.tenant_id) FILTER (WHERE m.tenant_id IS NOT NULL), '{}') AS tenant_ids FROM tenant_groups g LEFT JOIN tenant_group_members m ON m.group_id = g.id";
  const groupOf = (row: { id: string; name: string; tenant_ids: string[] }): TenantGroup => ({ id: row.id, name: row.name, tenantIds: row.tenant_ids });
  return {
    async list(): Promise<TenantGroup[]> {
      const { rows } = await deps.pool.query<{ id: string; name: string; tenant_ids: string[] }>(`${select} GROUP BY g.id ORDER BY lower(g.name)`);
      return rows.map(groupOf);
    },

    /** By id or name. */
    async find(idOrName: string): Promise<TenantGroup | undefined> {
      const { rows } = await deps.pool.query<{ id: string; name: string; tenant_ids: string[] }>(`${select} WHERE g.id::text = $1 OR lower(g.name) = lower($1) GROUP BY g.id`, [idOrName]);
      return rows[0] ? groupOf(rows[0]) : undefined;
    },

    /** Creates the group or replaces its tenants. */
    async put(name: string, tenantIds: readonly string[]): Promise<TenantGroup> {
      const { rows } = await deps.pool.query<{ id: string }>(
        "INSERT INTO tenant_groups (name) VALUES ($1) ON CONFLICT (lower(name)) DO UPDATE SET name = EXCLUDED.name RETURNING id",
        [name],
      );
      const id = rows[0]!.id;
      await deps.pool.query("DELETE FROM tenant_group_members WHERE group_id = $1", [id]);
      await deps.pool.query("INSERT INTO tenant_group_members (group_id, tenant_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING", [id, tenantIds]);
      return (await this.find(id))!;
    },

    async remove(id: string): Promise<boolean> {
      return ((await deps.pool.query("DELETE FROM tenant_groups WHERE id = $1", [id])).rowCount ?? 0) > 0;
    },
  };
}

export type TenantGroupsStore = ReturnType<typeof createTenantGroupsStore>;
