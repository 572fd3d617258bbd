import { setTimeout as sleep } from "node:timers/promises";
import { createAdaptiveRate } from "./adaptive-rate.ts";
import { type GraphQuotas, perSecond, type TenantSize } from "./graph-quotas.ts";
import type { Charge, LeasedBudget } from "./leased-budget.ts";
import type { RequestCost } from "./request-cost.ts";

type RequestClass = "read" | "write";

/**
 * One application in one tenant, the unit Microsoft throttles: requests are admitted in order when
 * the buckets they are charged to hold enough, never while Graph asked this app+tenant to wait, and
 * no faster than the adaptive share of the quota after Graph throttled it.
 */
export function createTenantLane(deps: {
  budget: LeasedBudget;
  quotas: GraphQuotas;
  appId: string;
  tenantId: string;
  tenantSize: () => TenantSize;
  nowMs: () => number;
}) {
  const { appId, tenantId, quotas } = deps;
  const rate = createAdaptiveRate();
  let pausedUntil = 0;
  const nextAt: Record<RequestClass, number> = { read: 0, write: 0 };
  const queues: Record<RequestClass, Promise<void>> = { read: Promise.resolve(), write: Promise.resolve() };

  const keys = {
    unitsHere: `ru|${appId}|${tenantId}`,
    unitsApp: `ru|${appId}`,
    writesHere: `w|${appId}|${tenantId}`,
    writesApp: `w|${appId}`,
    writesTenant: `wt|${tenantId}`,
  };

  function charges(cost: RequestCost): Charge[] {
    const list: Charge[] = [
      { key: keys.unitsHere, quota: quotas.resourceUnits[deps.tenantSize()], amount: cost.resourceUnits },
      { key: keys.unitsApp, quota: quotas.resourceUnitsPerApp, amount: cost.resourceUnits },
    ];
    if (cost.writes > 0) {
      list.push(
        { key: keys.writesHere, quota: quotas.writesPerAppTenant, amount: cost.writes },
        { key: keys.writesApp, quota: quotas.writesPerApp, amount: cost.writes },
        { key: keys.writesTenant, quota: quotas.writesPerTenant, amount: cost.writes },
      );
    }
    return list;
  }

  /** Milliseconds between requests while the lane runs below its quota's full rate; 0 at full rate. */
  function pacingMs(kind: RequestClass, cost: RequestCost): number {
    const share = rate.current();
    if (share >= 1) return 0;
    const sustained = kind === "write" ? perSecond(quotas.writesPerAppTenant) / cost.writes : perSecond(quotas.resourceUnits[deps.tenantSize()]) / cost.resourceUnits;
    return 1000 / (sustained * share);
  }

  async function waitForTurn(kind: RequestClass, cost: RequestCost): Promise<void> {
    for (;;) {
      const now = deps.nowMs();
      if (pausedUntil > now) {
        await sleep(pausedUntil - now);
        continue;
      }
      const interval = pacingMs(kind, cost);
      if (interval > 0 && nextAt[kind] > now) {
        await sleep(nextAt[kind] - now);
        continue;
      }
      const wait = await deps.budget.take(charges(cost));
      if (wait === 0) {
        nextAt[kind] = interval > 0 ? Math.max(now, nextAt[kind]) + interval : now;
        return;
      }
      await sleep(wait);
    }
  }

  return {
    /** Resolves when the request may be sent; requests of one kind are admitted in the order they came. */
    admit(cost: RequestCost): Promise<void> {
      const kind: RequestClass = cost.writes > 0 ? "write" : "read";
      const turn = queues[kind].then(() => waitForTurn(kind, cost));
      queues[kind] = turn.catch(() => {});
      return turn;
    },

    /** Graph answered 429: the whole app+tenant waits for Retry-After, and one episode halves its rate. */
    throttled(retryAfterMs: number): void {
      const now = deps.nowMs();
      if (pausedUntil <= now) rate.throttled();
      pausedUntil = Math.max(pausedUntil, now + retryAfterMs);
    },

    /** An answer that was not a 429: what Graph charged and how close to the limit it says the app+tenant is. */
    answered(cost: RequestCost, headers: Readonly<Record<string, string>>): void {
      const charged = Number(headers["x-ms-resource-unit"]);
      if (Number.isFinite(charged) && charged > 0 && charged !== cost.resourceUnits) {
        deps.budget.adjust(keys.unitsHere, charged - cost.resourceUnits);
        deps.budget.adjust(keys.unitsApp, charged - cost.resourceUnits);
      }
      const percentage = Number(headers["x-ms-throttle-limit-percentage"]);
      // A share of the limit (0.8 to 1); read as a percentage should Graph ever send one.
      const reported = percentage > 2 ? percentage / 100 : percentage;
      const watched = cost.writes > 0 ? Object.values(keys).filter((k) => k !== keys.writesTenant) : [keys.unitsHere, keys.unitsApp];
      const ownUsage = Math.max(...watched.map((k) => deps.budget.usage(k)));
      rate.reported(Number.isFinite(reported) ? reported : undefined, ownUsage);
      rate.answered();
    },
  };
}

export type TenantLane = ReturnType<typeof createTenantLane>;
