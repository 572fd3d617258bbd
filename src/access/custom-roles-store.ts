import type { Pool } from "pg";

export interface CustomRole {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly actions: readonly string[];
}

/** Custom roles: a named subset of Entra role actions. */
export function createCustomRolesStore(deps: { pool: Pick<Pool, "query"> }) {
  return {
    async list(): Promise<CustomRole[]> {
      const { rows } = await deps.pool.query<CustomRole>("SELECT id, name, description, actions FROM custom_roles ORDER BY lower(name)");
      return rows;
    },

    /** By id or name. */
    async find(idOrName: string): Promise<CustomRole | undefined> {
      const { rows } = await deps.pool.query<CustomRole>("SELECT id, name, description, actions FROM custom_roles WHERE id::text = $1 OR lower(name) = lower($1)", [idOrName]);
      return rows[0];
    },

    async put(role: { name: string; description: string | null; actions: readonly string[] }): Promise<CustomRole> {
      const { rows } = await deps.pool.query<CustomRole>(
        `INSERT INTO custom_roles (name, description, actions) VALUES ($1, $2, $3)
         ON CONFLICT (lower(name)) DO UPDATE SET description = EXCLUDED.description, actions = EXCLUDED.actions
         RETURNING id, name, description, actions`,
        [role.name, role.description, role.actions],
      );
      return rows[0]!;
    },

    async remove(id: string): Promise<boolean> {
      return ((await deps.pool.query("DELETE FROM custom_roles WHERE id = $1", [id])).rowCount ?? 0) > 0;
    },
  };
}

export type CustomRolesStore = ReturnType<typeof createCustomRolesStore>;
