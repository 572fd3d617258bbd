// Each tenant at a glance, from the directory cache: how many users of which kind, and its licences with their seats.
import type { Pool } from "pg";
import { productNameOf } from "../actions/reads/sku-names.ts";

export interface UserCounts {
  /** Users not among the deleted items. */
  readonly users: number;
  readonly enabled: number;
  readonly guests: number;
  readonly synced: number;
  readonly licensed: number;
}

export interface SkuSeats {
  readonly skuId: string;
  readonly skuPartNumber: string;
  readonly productName: string;
  readonly capabilityStatus: string | null;
  readonly consumedUnits: number;
  readonly enabledUnits: number;
}

export interface TenantSummary {
  readonly tenantId: string;
  readonly userCounts: UserCounts;
  readonly skus: readonly SkuSeats[];
}

interface CountsRow {
  tenant_id: string;
  users: string;
  enabled: string;
  guests: string;
  synced: string;
  licensed: string;
}

interface SkuRow {
  tenant_id: string;
  sku_id: string;
  sku_part_number: string;
  capability_status: string | null;
  consumed_units: number;
  enabled_units: number;
}

const noUsers: UserCounts = { users: 0, enabled: 0, guests: 0, synced: 0, licensed: 0 };

/** The summaries of these tenants, in their order; a tenant not cached yet has nothing in it. */
export async function readTenantSummaries(pool: Pick<Pool, "query">, tenantIds: readonly string[]): Promise<TenantSummary[]> {
  if (tenantIds.length === 0) return [];
  const [counts, skus] = await Promise.all([
    pool.query<CountsRow>(
      `SELECT tenant_id,
         count(*) AS users,
         count(*) FILTER (WHERE account_enabled) AS enabled,
         count(*) FILTER (WHERE lower(user_type) = 'guest') AS guests,
         count(*) FILTER (WHERE synced) AS synced,
         count(*) FILTER (WHERE cardinality(sku_ids) > 0) AS licensed
       FROM directory_users WHERE tenant_id = ANY($1::uuid[]) AND deleted_at IS NULL
       GROUP BY tenant_id`,
      [tenantIds],
    ),
    pool.query<SkuRow>(
      `SELECT tenant_id, sku_id, sku_part_number, capability_status, consumed_units, enabled_units
       FROM directory_skus WHERE tenant_id = ANY($1::uuid[]) ORDER BY sku_part_number, sku_id`,
      [tenantIds],
    ),
  ]);
  const countsOf = new Map(
    counts.rows.map((row) => [row.tenant_id, { users: Number(row.users), enabled: Number(row.enabled), guests: Number(row.guests), synced: Number(row.synced), licensed: Number(row.licensed) }]),
  );
  const skusOf = new Map<string, SkuSeats[]>();
  for (const row of skus.rows) {
    const seats: SkuSeats = {
      skuId: row.sku_id,
      skuPartNumber: row.sku_part_number,
      productName: productNameOf(row.sku_id, row.sku_part_number),
      capabilityStatus: row.capability_status,
      consumedUnits: row.consumed_units,
      enabledUnits: row.enabled_units,
    };
    const list = skusOf.get(row.tenant_id);
    if (list) list.push(seats);
    else skusOf.set(row.tenant_id, [seats]);
  }
  return tenantIds.map((tenantId) => ({ tenantId, userCounts: countsOf.get(tenantId) ?? noUsers, skus: skusOf.get(tenantId) ?? [] }));
}
