import type { GateResult, GraphCall } from "../graph-call.ts";
import { graphErrorForThrottling } from "./throttle-error.ts";
import { requestCost } from "./request-cost.ts";
import { mergeLimits, microsoftLimits, type Quota, type ThrottleLimits, type ThrottleLimitsPatch, tenantSize } from "./throttle-limits.ts";
import { TokenBucket } from "./token-bucket.ts";

interface Charge {
  readonly key: string;
  readonly quota: Quota;
  readonly amount: number;
  readonly scope: string;
  readonly information: "ResourceUnitLimitExceeded" | "WriteLimitExceeded";
  readonly reportsUsage: boolean;
}

/** Identity and access throttling: token buckets per application+tenant, application and tenant. */
export class Throttle {
  #limits: ThrottleLimits = microsoftLimits;
  readonly #buckets = new Map<string, TokenBucket>();
  readonly #nowMs: () => number;
  readonly #timeScale: () => number;

  constructor(nowMs: () => number, timeScale: () => number) {
    this.#nowMs = nowMs;
    this.#timeScale = timeScale;
  }

  get limits(): ThrottleLimits {
    return this.#limits;
  }

  setLimits(patch: ThrottleLimitsPatch): void {
    this.#limits = mergeLimits(this.#limits, patch);
  }

  /** Forgets what has been used, as after a quiet period. */
  reset(): void {
    this.#buckets.clear();
  }

  readonly gate = (call: GraphCall): GateResult => {
    if (!this.#limits.enabled || call.pattern === "/$batch") return { headers: {} };
    const cost = requestCost(call.request.method, call.pattern, call.query);
    const charges = this.#charges(call, cost.resourceUnits, cost.writes);
    const now = this.#nowMs();
    let blocking: { charge: Charge; wait: number } | undefined;
    for (const charge of charges) {
      const wait = this.#bucket(charge, now).waitFor(charge.amount, now);
      if (wait > 0 && (!blocking || wait > blocking.wait)) blocking = { charge, wait };
    }
    if (blocking) throw graphErrorForThrottling(blocking.wait / this.#timeScale(), blocking.charge.scope, blocking.charge.information);
    let usage = 0;
    for (const charge of charges) {
      const bucket = this.#bucket(charge, now);
      bucket.take(charge.amount);
      if (charge.reportsUsage) usage = Math.max(usage, bucket.usage(now));
    }
    const headers: Record<string, string> = { "x-ms-resource-unit": String(cost.resourceUnits) };
    if (usage > 0.8) headers["x-ms-throttle-limit-percentage"] = usage.toFixed(2);
    return { headers };
  };

  #charges(call: GraphCall, units: number, writes: number): Charge[] {
    const app = call.claims.appid;
    const tenant = call.tenant.id;
    const size = tenantSize(call.tenant.userIds.size, this.#limits);
    const charges: Charge[] = [
      { key: `ru|${app}|${tenant}`, quota: this.#limits.resourceUnits[size], amount: units, scope: `Tenant_Application/ReadWrite/${app}/${tenant}`, information: "ResourceUnitLimitExceeded", reportsUsage: true },
      { key: `ru|${app}`, quota: this.#limits.resourceUnits.perApplication, amount: units, scope: `Application/ReadWrite/${app}/${tenant}`, information: "ResourceUnitLimitExceeded", reportsUsage: true },
    ];
    if (writes > 0) {
      charges.push(
        { key: `w|${app}|${tenant}`, quota: this.#limits.writes.perApplicationTenant, amount: writes, scope: `Tenant_Application/Write/${app}/${tenant}`, information: "WriteLimitExceeded", reportsUsage: true },
        { key: `w|${app}`, quota: this.#limits.writes.perApplication, amount: writes, scope: `Application/Write/${app}/${tenant}`, information: "WriteLimitExceeded", reportsUsage: true },
        { key: `w|tenant|${tenant}`, quota: this.#limits.writes.perTenant, amount: writes, scope: `Tenant/Write/${app}/${tenant}`, information: "WriteLimitExceeded", reportsUsage: false },
      );
    }
    return charges;
  }

  #bucket(charge: Charge, now: number): TokenBucket {
    let bucket = this.#buckets.get(charge.key);
    if (!bucket) {
      bucket = new TokenBucket(charge.quota, now);
      this.#buckets.set(charge.key, bucket);
    }
    bucket.setQuota(charge.quota);
    return bucket;
  }
}
