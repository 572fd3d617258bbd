import type { Pool } from "pg";
import type { AuditActor } from "../audit/audit-entry.ts";
import type { AuditLog } from "../audit/audit-log.ts";
import { inTransaction } from "../store/transaction.ts";
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

/** The audit action names of template changes. */
export const templateAuditActions = { set: "user-templates.set", remove: "user-templates.remove" } as const;

/**
 * User templates by name (table user_templates). Callers validate the defaults with `userTemplateDefaults`.
 * Every change is audited in its own transaction.
 */
export function createUserTemplatesStore(deps: { pool: Pick<Pool, "query" | "connect">; audit: Pick<AuditLog, "append"> }) {
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
    async put(name: string, defaults: UserTemplateDefaults, actor: AuditActor): Promise<{ template: UserTemplate; created: boolean }> {
      return inTransaction(deps.pool, async (tx) => {
        const before = await tx.query<Row>("SELECT * FROM user_templates WHERE name = $1 FOR UPDATE", [name]);
        const { rows } = await tx.query<Row & { created: boolean }>(
          `INSERT INTO user_templates (name, defaults) VALUES ($1, $2)
           ON CONFLICT (name) DO UPDATE SET defaults = EXCLUDED.defaults
           RETURNING *, (xmax = 0) AS created`,
          [name, JSON.stringify(defaults)],
        );
        const row = rows[0]!;
        await deps.audit.append(
          { actor, action: templateAuditActions.set, target: { id: row.id, kind: "user-template", display: name }, inputs: { ...defaults }, before: before.rows[0]?.defaults ?? null, after: { ...defaults }, outcome: "succeeded" },
          tx,
        );
        return { template: toTemplate(row), created: row.created };
      });
    },

    /** False when there was no such template. */
    async remove(name: string, actor: AuditActor): Promise<boolean> {
      return inTransaction(deps.pool, async (tx) => {
        const { rows } = await tx.query<Row>("DELETE FROM user_templates WHERE name = $1 RETURNING *", [name]);
        const row = rows[0];
        if (!row) return false;
        await deps.audit.append({ actor, action: templateAuditActions.remove, target: { id: row.id, kind: "user-template", display: name }, inputs: {}, before: { ...row.defaults }, after: null, outcome: "succeeded" }, tx);
        return true;
      });
    },
  };
}

export type UserTemplatesStore = ReturnType<typeof createUserTemplatesStore>;
