import type { Pool } from "pg";

export interface Operator {
  readonly id: string;
  readonly kind: "person" | "bootstrap";
  readonly entraTenantId: string | null;
  readonly entraObjectId: string | null;
  readonly userPrincipalName: string;
  readonly displayName: string | null;
  readonly createdAt: string;
  readonly disabledAt: string | null;
  /** Entra groups the operator was in at its last sign-in. */
  readonly groupIds: readonly string[];
}

interface Row {
  id: string;
  kind: "person" | "bootstrap";
  entra_tenant_id: string | null;
  entra_object_id: string | null;
  user_principal_name: string;
  display_name: string | null;
  created_at: Date;
  disabled_at: Date | null;
  group_ids: string[];
}

function operatorOf(row: Row): Operator {
  return {
    id: row.id,
    kind: row.kind,
    entraTenantId: row.entra_tenant_id,
    entraObjectId: row.entra_object_id,
    userPrincipalName: row.user_principal_name,
    displayName: row.display_name,
    createdAt: row.created_at.toISOString(),
    disabledAt: row.disabled_at?.toISOString() ?? null,
    groupIds: row.group_ids,
  };
}

/** Operators: the MSP's technicians, known by their Entra identity (or, until their first sign-in, their user name). */
export function createOperatorsStore(deps: { pool: Pick<Pool, "query"> }) {
  return {
    async list(): Promise<Operator[]> {
      const { rows } = await deps.pool.query<Row>("SELECT * FROM operators ORDER BY lower(user_principal_name)");
      return rows.map(operatorOf);
    },

    async get(id: string): Promise<Operator | undefined> {
      const { rows } = await deps.pool.query<Row>("SELECT * FROM operators WHERE id = $1", [id]);
      return rows[0] ? operatorOf(rows[0]) : undefined;
    },

    /** By id or user principal name. */
    async find(idOrName: string): Promise<Operator | undefined> {
      const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrName);
      const { rows } = await deps.pool.query<Row>(uuid ? "SELECT * FROM operators WHERE id = $1" : "SELECT * FROM operators WHERE lower(user_principal_name) = lower($1)", [idOrName]);
      return rows[0] ? operatorOf(rows[0]) : undefined;
    },

    /** Undefined when an operator with this user principal name exists already. */
    async add(operator: { kind: "person" | "bootstrap"; userPrincipalName: string; displayName?: string | null }): Promise<Operator | undefined> {
      const { rows } = await deps.pool.query<Row>(
        "INSERT INTO operators (kind, user_principal_name, display_name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING *",
        [operator.kind, operator.userPrincipalName, operator.displayName ?? null],
      );
      return rows[0] ? operatorOf(rows[0]) : undefined;
    },

    async remove(id: string): Promise<boolean> {
      return ((await deps.pool.query("DELETE FROM operators WHERE id = $1", [id])).rowCount ?? 0) > 0;
    },

    /**
     * At sign-in: the operator with this Entra identity, or the one added by user principal name that now
     * signs in for the first time (its identity is recorded). Undefined for someone who is not an operator.
     */
    async signedIn(identity: { tenantId: string; objectId: string; userPrincipalName: string; displayName: string | null }): Promise<Operator | undefined> {
      // By the Entra identity, which never changes; the user name is followed, unless another operator has it.
      const known = await deps.pool.query<Row>(
        `UPDATE operators o SET display_name = coalesce($4, o.display_name),
           user_principal_name = CASE WHEN EXISTS (SELECT 1 FROM operators x WHERE x.id <> o.id AND lower(x.user_principal_name) = lower($3)) THEN o.user_principal_name ELSE $3 END
         WHERE o.kind = 'person' AND o.disabled_at IS NULL AND o.entra_tenant_id = $1 AND o.entra_object_id = $2
         RETURNING o.*`,
        [identity.tenantId, identity.objectId, identity.userPrincipalName, identity.displayName],
      );
      if (known.rows[0]) return operatorOf(known.rows[0]);
      // The first sign-in of an operator added by user name: its identity is recorded from now on.
      const first = await deps.pool.query<Row>(
        `UPDATE operators SET entra_tenant_id = $1, entra_object_id = $2, display_name = coalesce($4, display_name)
         WHERE id = (SELECT id FROM operators WHERE kind = 'person' AND disabled_at IS NULL AND entra_object_id IS NULL AND lower(user_principal_name) = lower($3) LIMIT 1)
         RETURNING *`,
        [identity.tenantId, identity.objectId, identity.userPrincipalName, identity.displayName],
      );
      return first.rows[0] ? operatorOf(first.rows[0]) : undefined;
    },

    /** The Entra groups the operator was in at its last sign-in; its API tokens act with their roles. */
    async setGroups(id: string, groupIds: readonly string[]): Promise<void> {
      await deps.pool.query("UPDATE operators SET group_ids = $2 WHERE id = $1", [id, groupIds]);
    },
  };
}

export type OperatorsStore = ReturnType<typeof createOperatorsStore>;
