// Turns what a technician writes for a licence or a service plan (an id, "SPE_E3", "Microsoft 365 E3",
// "Exchange Online (Plan 2)") into Microsoft's ids, among the licences one tenant has.
import licensingSkus from "../../../data/licensing-skus.json" with { type: "json" };
import type { AuditTarget } from "../../audit/audit-entry.ts";
import { ActionRefused } from "../action-errors.ts";
import { planFriendlyName, productOf } from "../reads/sku-names.ts";

/** One entry of GET /subscribedSkus, as far as licence assignment reads it. */
export interface SubscribedSku {
  readonly skuId: string;
  readonly skuPartNumber: string;
  readonly consumedUnits: number;
  readonly prepaidUnits: { readonly enabled: number };
  readonly servicePlans: readonly { readonly servicePlanId: string; readonly servicePlanName: string | null }[];
}

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Product = (typeof licensingSkus.products)[number];

let productsByName: ReadonlyMap<string, readonly Product[]> | undefined;
let productsByPartNumber: ReadonlyMap<string, Product> | undefined;

/** Microsoft gives some product names to several SKUs (e.g. "Visio Plan 2": VISIOCLIENT and VISIO_PLAN2_DEPT). */
function productsNamed(productName: string): readonly Product[] {
  if (!productsByName) {
    const index = new Map<string, Product[]>();
    for (const p of licensingSkus.products) index.set(p.productName.toLowerCase(), [...(index.get(p.productName.toLowerCase()) ?? []), p]);
    productsByName = index;
  }
  return productsByName.get(productName.toLowerCase()) ?? [];
}

function productWithPartNumber(partNumber: string): Product | undefined {
  productsByPartNumber ??= new Map(licensingSkus.products.map((p) => [p.skuPartNumber.toLowerCase(), p]));
  return productsByPartNumber.get(partNumber.toLowerCase());
}

/** "Microsoft 365 E3 (SPE_E3)", or the part number alone when Microsoft publishes no product name. */
export function skuLabel(sku: { readonly skuId: string; readonly skuPartNumber: string }): string {
  const product = productOf(sku.skuId)?.productName;
  return product && product !== sku.skuPartNumber ? `${product} (${sku.skuPartNumber})` : sku.skuPartNumber;
}

/** A plan's friendly name as Microsoft gives it for this licence, else for any licence. */
function friendlyName(skuId: string, servicePlanId: string): string | undefined {
  const id = servicePlanId.toLowerCase();
  return productOf(skuId)?.servicePlans.find((p) => p.servicePlanId === id)?.friendlyName ?? planFriendlyName(id);
}

function planLabel(skuId: string, plan: SubscribedSku["servicePlans"][number]): string {
  const friendly = friendlyName(skuId, plan.servicePlanId);
  const name = plan.servicePlanName ?? plan.servicePlanId;
  return friendly && friendly !== name ? `${friendly} (${name})` : name;
}

/** Resolves licences and service plans against one tenant's subscribed SKUs; refuses with the field and the choices. */
export function createSkuResolver(tenantName: string, subscribed: readonly SubscribedSku[], target?: AuditTarget) {
  const about = target ? { target } : {};
  const tenantHas = () => (subscribed.length ? subscribed.map(skuLabel).sort().join(", ") : "no licences at all");

  function notSubscribed(field: string, product: string): ActionRefused {
    return new ActionRefused({
      ...about,
      code: "sku_not_subscribed",
      field,
      message: `${tenantName} has no subscription to ${product}. It has: ${tenantHas()}.`,
      fix: "Choose one of the tenant's licences, or buy this one in the Microsoft 365 admin center first.",
    });
  }

  function byName(ref: string, field: string): SubscribedSku {
    const key = ref.toLowerCase();
    const byPartNumber = subscribed.find((s) => s.skuPartNumber.toLowerCase() === key);
    if (byPartNumber) return byPartNumber;
    const named = productsNamed(ref);
    const held = subscribed.filter((s) => named.some((p) => p.skuPartNumber.toLowerCase() === s.skuPartNumber.toLowerCase()));
    if (held.length === 1) return held[0]!;
    if (held.length > 1) {
      throw new ActionRefused({
        ...about,
        code: "ambiguous_sku",
        field,
        message: `"${ref}" is the name of several licences ${tenantName} has: ${held.map((s) => s.skuPartNumber).join(", ")}.`,
        fix: "Give the SKU part number or id of the one you mean.",
      });
    }
    const known = productWithPartNumber(ref);
    if (known) throw notSubscribed(field, skuLabel(known));
    if (named.length) throw notSubscribed(field, `${named[0]!.productName} (${named.map((p) => p.skuPartNumber).join(" or ")})`);
    throw new ActionRefused({
      ...about,
      code: "unknown_sku",
      field,
      message: `"${ref}" is neither the id, SKU part number nor product name of a Microsoft licence. ${tenantName} has: ${tenantHas()}.`,
      fix: "Give one of the tenant's licences by product name (e.g. Microsoft 365 E3), SKU part number (e.g. SPE_E3) or id.",
    });
  }

  function byId(ref: string, field: string): SubscribedSku {
    const found = subscribed.find((s) => s.skuId.toLowerCase() === ref.toLowerCase());
    if (found) return found;
    const product = productOf(ref);
    if (product) throw notSubscribed(field, skuLabel(product));
    throw new ActionRefused({
      ...about,
      code: "unknown_sku",
      field,
      message: `${ref} is not the id of a licence ${tenantName} has. It has: ${tenantHas()}.`,
      fix: "Give one of the tenant's licences by product name, SKU part number or id.",
    });
  }

  return {
    /** The tenant's licence that `ref` names; `field` is the input field, e.g. "add.0.sku". */
    sku(ref: string, field: string): SubscribedSku {
      return guidPattern.test(ref) ? byId(ref, field) : byName(ref, field);
    },

    /** The ids of the service plans of `sku` that `refs` name (by id, plan name or friendly name), each once. */
    plans(sku: SubscribedSku, refs: readonly string[], field: string): string[] {
      const ids = refs.map((ref, i) => {
        const key = ref.toLowerCase();
        const matches = sku.servicePlans.filter(
          (p) => p.servicePlanId.toLowerCase() === key || p.servicePlanName?.toLowerCase() === key || friendlyName(sku.skuId, p.servicePlanId)?.toLowerCase() === key,
        );
        if (matches.length === 1) return matches[0]!.servicePlanId.toLowerCase();
        const choices = (matches.length > 1 ? matches : sku.servicePlans).map((p) => planLabel(sku.skuId, p)).sort();
        throw new ActionRefused({
          ...about,
          code: matches.length > 1 ? "ambiguous_service_plan" : "unknown_service_plan",
          field: `${field}.${i}`,
          message:
            matches.length > 1
              ? `"${ref}" names several service plans of ${skuLabel(sku)}: ${choices.join(", ")}.`
              : `"${ref}" is not a service plan of ${skuLabel(sku)}. Its plans are: ${choices.join(", ")}.`,
          fix: "Name a service plan of this licence by its name (e.g. EXCHANGE_S_ENTERPRISE), friendly name or id.",
        });
      });
      return [...new Set(ids)];
    },
  };
}
