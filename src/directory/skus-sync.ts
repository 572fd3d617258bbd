// The tenant's subscribed SKUs with their seats and service plans, read whole at every sync.
import { readWhole } from "./graph-pages-stream.ts";
import type { TenantSyncContext } from "./tenant-sync-context.ts";

interface GraphSubscribedSku {
  readonly skuId: string;
  readonly skuPartNumber: string;
  readonly capabilityStatus?: string | null;
  readonly consumedUnits?: number | null;
  readonly prepaidUnits?: { readonly enabled?: number | null } | null;
  readonly servicePlans?: readonly { readonly servicePlanId: string; readonly servicePlanName?: string | null; readonly appliesTo?: string | null; readonly provisioningStatus?: string | null }[] | null;
}

/** Replaces the tenant's cached SKUs. */
export async function syncSkus(context: TenantSyncContext): Promise<number> {
  const skus = await readWhole<GraphSubscribedSku>(context.graph, context.graphUrl, "/subscribedSkus");
  await context.write(async (tx) => {
    await tx.query("DELETE FROM directory_skus WHERE tenant_id = $1", [context.tenantId]);
    await tx.query(
      `INSERT INTO directory_skus (tenant_id, sku_id, sku_part_number, capability_status, enabled_units, consumed_units, service_plans, cached_at)
       SELECT $1, s.sku_id, s.part, s.status, s.enabled, s.consumed, s.plans, now()
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::integer[], $6::integer[], $7::jsonb[]) AS s(sku_id, part, status, enabled, consumed, plans)
       ON CONFLICT DO NOTHING`,
      [
        context.tenantId,
        skus.map((s) => s.skuId.toLowerCase()),
        skus.map((s) => s.skuPartNumber),
        skus.map((s) => s.capabilityStatus ?? null),
        skus.map((s) => s.prepaidUnits?.enabled ?? 0),
        skus.map((s) => s.consumedUnits ?? 0),
        skus.map((s) =>
          JSON.stringify((s.servicePlans ?? []).map((p) => ({ servicePlanId: p.servicePlanId, servicePlanName: p.servicePlanName ?? null, appliesTo: p.appliesTo ?? null, provisioningStatus: p.provisioningStatus ?? null }))),
        ),
      ],
    );
  });
  return skus.length;
}
