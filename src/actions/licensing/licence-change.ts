// The licence change a request asks for, in Microsoft's ids: what assignLicense will add and remove.
import type { AuditTarget } from "../../audit/audit-entry.ts";
import { ActionRefused } from "../action-errors.ts";
import type { ActionContext } from "../action-executor.ts";
import type { AssignedLicence } from "./licence-view.ts";
import { createSkuResolver, type SubscribedSku } from "./sku-resolver.ts";

export interface LicenceChangeInput {
  readonly add: readonly { readonly sku: string; readonly disabledPlans: readonly string[] }[];
  readonly remove: readonly string[];
}

export interface ResolvedLicenceChange {
  readonly add: readonly AssignedLicence[];
  /** SKU ids. */
  readonly remove: readonly string[];
  /** The tenant's subscribed SKUs, for seats and names. */
  readonly subscribed: readonly SubscribedSku[];
}

/** The tenant's licences: ids, part numbers, service plans and seats. */
export async function readSubscribedSkus(context: ActionContext): Promise<SubscribedSku[]> {
  return (await context.graph.get<{ value: SubscribedSku[] }>("/subscribedSkus")).body.value;
}

/** Resolves every licence and plan the input names; one licence named twice (say by id and by name) is refused. */
export async function resolveLicenceChange(context: ActionContext, input: LicenceChangeInput, target: AuditTarget): Promise<ResolvedLicenceChange> {
  const subscribed = await readSubscribedSkus(context);
  const resolver = createSkuResolver(context.tenant.tenantName, subscribed, target);
  const seen = new Map<string, string>();
  const once = (sku: SubscribedSku, field: string) => {
    const id = sku.skuId.toLowerCase();
    const earlier = seen.get(id);
    if (earlier) {
      throw new ActionRefused({ code: "sku_named_twice", field, target, message: `${field} names ${sku.skuPartNumber} again, already named in ${earlier}.`, fix: "Name each licence once." });
    }
    seen.set(id, field);
    return id;
  };
  const add = input.add.map((entry, i) => {
    const sku = resolver.sku(entry.sku, `add.${i}.sku`);
    return { skuId: once(sku, `add.${i}.sku`), disabledPlans: resolver.plans(sku, entry.disabledPlans, `add.${i}.disabledPlans`) };
  });
  const remove = input.remove.map((ref, i) => once(resolver.sku(ref, `remove.${i}`), `remove.${i}`));
  return { add, remove, subscribed };
}
