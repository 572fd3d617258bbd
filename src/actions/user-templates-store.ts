import type { Pool } from "pg";
import type { UserTemplate, UserTemplateDefaults } from "./user-template-schema.ts";

interface Row {
  id: string;
  name: string;
  defaults: UserTemplateDefaults;
  created_at: Date;
  updated_at: Date;
}

function toTemplate(row: Row): UserTemplate {
  return { id: row.id, name: row.name, ...row.defaults, createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString() };
}

/** User templates by name (table user_templates). Callers validate the defaults with `userTemplateDefaults`. */
export function createUserTemplatesStore(deps: { pool: Pick<Pool, "query"> }) {
  return {
    async list(): Promise<UserTemplate[]> {
      const { rows } = await deps.pool.query<Row>("SELECT * FROM user_templates ORDER BY name");
      return rows.map(toTemplate);
    },

    async get(name: string): Promise<UserTemplate | undefined> {
      const { rows } = await deps.pool.query<Row>("SELECT * FROM user_templates WHERE name = $1", [name]);
      return rows[0] ? toTemplate(rows[0]) : undefined;
    },

    /** Creates the template or replaces its defaults; `created` tells which. */
    async put(name: string, defaults: UserTemplateDefaults): Promise<{ template: UserTemplate; created: boolean }> {
      const { rows } = await deps.pool.query<Row & { created: boolean }>(
        `INSERT INTO user_templates (name, defaults) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET defaults = EXCLUDED.defaults
         RETURNING *, (xmax = 0) AS created`,
        [name, JSON.stringify(defaults)],
      );
      return { template: toTemplate(rows[0]!), created: rows[0]!.created };
    },

    /** False when there was no such template. */
    async remove(name: string): Promise<boolean> {
      const result = await deps.pool.query("DELETE FROM user_templates WHERE name = $1", [name]);
      return (result.rowCount ?? 0) > 0;
    },
  };
}

export type UserTemplatesStore = ReturnType<typeof createUserTemplatesStore>;
