// A dry run: for every item, what would change (the target's values now, and the change) or why it would
// be refused, found by the runner's `plan` (its reads and rules); nothing is journalled and nothing written.
import type { AuditTarget, JsonObject } from "../../audit/audit-entry.ts";
import type { ActionRunner, RunnerAccess } from "../../actions/action-runner.ts";
import type { ActionId } from "../../catalog/action-ids.ts";
import { TenantsError } from "../../tenants/tenants-service.ts";
import type { BulkItemError, NewBulkItem } from "./bulk-job.ts";

export interface PlannedItem {
  readonly row: number;
  readonly tenant: string;
  readonly tenantId: string | null;
  readonly target: string;
  /** `unchecked`: Graph could not be asked (throttled, unavailable); a real run retries it. */
  readonly outcome: "would-change" | "would-refuse" | "unchecked";
  /** The object the target names, when it was read. */
  readonly object: AuditTarget | null;
  readonly before: JsonObject | null;
  readonly change: JsonObject | null;
  readonly warnings: readonly string[];
  readonly error: BulkItemError | null;
}

/** Plans at most this many items at once. */
const concurrency = 8;

export async function planItems(runner: Pick<ActionRunner, "plan">, request: { action: ActionId; access: RunnerAccess }, items: readonly NewBulkItem[]): Promise<PlannedItem[]> {
  const planned: PlannedItem[] = new Array(items.length);
  let next = 0;
  async function planNext(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      planned[index] = await planOne(runner, request, items[index]!);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, planNext));
  return planned;
}

async function planOne(runner: Pick<ActionRunner, "plan">, request: { action: ActionId; access: RunnerAccess }, item: NewBulkItem): Promise<PlannedItem> {
  const base = { row: item.row, tenant: item.tenant, tenantId: item.tenantId, target: item.target, object: null, before: null, change: null, warnings: [] };
  if (item.refusal || !item.input || !item.tenantId) return { ...base, outcome: "would-refuse", error: item.refusal };
  try {
    const plan = await runner.plan({ action: request.action, tenant: item.tenantId, input: item.input, access: request.access, actor: { name: request.access.principal.name, via: "job" } });
    if (plan.kind === "would-change") return { ...base, outcome: "would-change", object: plan.target, before: plan.before, change: plan.change, warnings: plan.warnings, error: null };
    const { code, message, fix, field } = plan.error;
    return { ...base, outcome: "would-refuse", object: plan.target, error: { code, message, ...(fix ? { fix } : {}), ...(field ? { field } : {}) } };
  } catch (error) {
    if (error instanceof TenantsError && error.status < 500) return { ...base, outcome: "would-refuse", error: { code: "tenant_unavailable", message: error.message, fix: error.fix } };
    return { ...base, outcome: "unchecked", error: { code: "unchecked", message: error instanceof Error ? error.message : String(error) } };
  }
}
