import type { AuditTarget } from "../../audit/audit-entry.ts";
import { ActionRefused } from "../action-errors.ts";
import { type SubscribedSku, skuLabel } from "./sku-resolver.ts";

const count = (n: number) => n.toLocaleString("en-US");

/**
 * Refuses before any change when the licence has fewer free seats than the users who would newly take one.
 * For a user Graph would refuse anyway; for a group Entra accepts and leaves members without a licence, in error.
 */
export function requireFreeSeats(tenantName: string, sku: SubscribedSku, needed: number, target: AuditTarget, field: string): void {
  const total = sku.prepaidUnits.enabled;
  const free = Math.max(0, total - sku.consumedUnits);
  if (needed <= free) return;
  throw new ActionRefused({
    status: 409,
    code: "no_licences_left",
    target,
    field,
    message: `${tenantName} has ${free === 0 ? "no" : `only ${count(free)}`} ${skuLabel(sku)} licence${free === 1 ? "" : "s"} left: ${count(sku.consumedUnits)} of ${count(total)} are in use, and this needs ${count(needed)}.`,
    fix: "Buy more in the Microsoft 365 admin center (Billing > Licenses), or remove the licence from people who no longer need it.",
  });
}
