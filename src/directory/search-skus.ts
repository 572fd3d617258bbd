// Licences as a search names them: a SKU id, or a part number such as SPE_E3 that people know better.
import type { Pool } from "pg";
import licensingSkus from "../../data/licensing-skus.json" with { type: "json" };
import { ActionInputError } from "../actions/action-errors.ts";
import { productOf } from "../actions/reads/sku-names.ts";

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The SKU ids a licence filter means: the id itself, or every SKU with that part number in Microsoft's list
 * or in a cached tenant. An unknown part number is refused, naming `field`, rather than matching nobody.
 */
export async function skuIdsOf(pool: Pick<Pool, "query">, sku: string, field: string): Promise<string[]> {
  if (guidPattern.test(sku)) return [sku.toLowerCase()];
  const partNumber = sku.trim().toUpperCase();
  const known = licensingSkus.products.filter((p) => p.skuPartNumber.toUpperCase() === partNumber).map((p) => p.skuId.toLowerCase());
  const cached = await pool.query<{ sku_id: string }>("SELECT DISTINCT sku_id FROM directory_skus WHERE upper(sku_part_number) = $1", [partNumber]);
  const ids = [...new Set([...known, ...cached.rows.map((r) => r.sku_id)])];
  if (ids.length === 0) throw new ActionInputError(field, `no licence has the SKU id or part number '${sku}'; use a part number such as SPE_E3 or a SKU id`);
  return ids;
}

/** Part numbers of the page's licences, by SKU id: from Microsoft's list, else as the tenant's cache names them. */
export async function partNumbersOf(pool: Pick<Pool, "query">, rows: readonly { tenantId: string; skuIds: readonly string[] }[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const unknown = new Set<string>();
  for (const row of rows) {
    for (const skuId of row.skuIds) {
      const product = productOf(skuId);
      if (product) names.set(skuId, product.skuPartNumber);
      else unknown.add(skuId);
    }
  }
  if (unknown.size > 0) {
    const tenants = [...new Set(rows.map((r) => r.tenantId))];
    const cached = await pool.query<{ sku_id: string; sku_part_number: string }>("SELECT DISTINCT ON (sku_id) sku_id, sku_part_number FROM directory_skus WHERE tenant_id = ANY($1::uuid[]) AND sku_id = ANY($2::uuid[])", [tenants, [...unknown]]);
    for (const row of cached.rows) names.set(row.sku_id, row.sku_part_number);
  }
  return names;
}
