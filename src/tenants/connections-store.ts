import type { Pool } from "pg";
import type { ConsentHealth } from "./consent-health.ts";

export interface TenantConnection {
  readonly id: string;
  readonly tenantId: string;
  readonly displayName: string | null;
  readonly defaultDomain: string | null;
  readonly verifiedDomains: readonly string[];
  readonly connectedVia: "consent" | "manual";
  readonly createdAt: string;
  readonly lastCheckAt: string | null;
  readonly lastCheck: ConsentHealth | null;
}

interface Row {
  id: string;
  tenant_id: string;
  display_name: string | null;
  default_domain: string | null;
  verified_domains: string[];
  connected_via: "consent" | "manual";
  created_at: Date;
  last_check_at: Date | null;
  last_check: ConsentHealth | null;
}

function toConnection(row: Row): TenantConnection {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    displayName: row.display_name,
    defaultDomain: row.default_domain,
    verifiedDomains: row.verified_domains,
    connectedVia: row.connected_via,
    createdAt: row.created_at.toISOString(),
    lastCheckAt: row.last_check_at?.toISOString() ?? null,
    lastCheck: row.last_check,
  };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Connected tenants, found by tenant id or by any of their verified domains. */
export function createConnectionsStore(deps: { pool: Pick<Pool, "query"> }) {
  return {
    async list(): Promise<TenantConnection[]> {
      const result = await deps.pool.query<Row>("SELECT * FROM tenant_connections ORDER BY lower(coalesce(display_name, default_domain, tenant_id::text))");
      return result.rows.map(toConnection);
    },

    async find(tenantIdOrDomain: string): Promise<TenantConnection | undefined> {
      const result = uuidPattern.test(tenantIdOrDomain)
        ? await deps.pool.query<Row>("SELECT * FROM tenant_connections WHERE tenant_id = $1", [tenantIdOrDomain])
        : await deps.pool.query<Row>(
            "SELECT * FROM tenant_connections WHERE lower(default_domain) = lower($1) OR lower($1) = ANY (SELECT lower(d) FROM unnest(verified_domains) d)",
            [tenantIdOrDomain],
          );
      const row = result.rows[0];
      return row ? toConnection(row) : undefined;
    },

    async upsert(connection: { tenantId: string; displayName: string | null; defaultDomain: string | null; verifiedDomains: readonly string[]; connectedVia: "consent" | "manual" }): Promise<TenantConnection> {
      const result = await deps.pool.query<Row>(
        `INSERT INTO tenant_connections (tenant_id, display_name, default_domain, verified_domains, connected_via)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id) DO UPDATE SET display_name = coalesce($2, tenant_connections.display_name),
           default_domain = coalesce($3, tenant_connections.default_domain),
           verified_domains = CASE WHEN cardinality($4::text[]) > 0 THEN $4 ELSE tenant_connections.verified_domains END,
           connected_via = $5
         RETURNING *`,
        [connection.tenantId, connection.displayName, connection.defaultDomain, connection.verifiedDomains, connection.connectedVia],
      );
      return toConnection(result.rows[0]!);
    },

    async recordCheck(tenantId: string, health: ConsentHealth): Promise<void> {
      await deps.pool.query("UPDATE tenant_connections SET last_check_at = now(), last_check = $2, last_error = NULL WHERE tenant_id = $1", [tenantId, JSON.stringify(health)]);
    },

    async remove(tenantId: string): Promise<boolean> {
      const result = await deps.pool.query("DELETE FROM tenant_connections WHERE tenant_id = $1", [tenantId]);
      return (result.rowCount ?? 0) > 0;
    },
  };
}

export type ConnectionsStore = ReturnType<typeof createConnectionsStore>;
