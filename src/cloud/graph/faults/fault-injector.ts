import { setTimeout as sleep } from "node:timers/promises";
import type { GateResult, GraphCall } from "../graph-call.ts";
import { GraphError } from "../graph-error.ts";

export interface FaultRule {
  readonly id: string;
  /** Only this tenant's requests; all tenants when absent. */
  readonly tenantId?: string;
  /** Share of requests answered with one of `statuses` instead of being served. */
  readonly rate: number;
  readonly statuses: readonly (429 | 500 | 503 | 504)[];
  /** Share of requests whose connection is dropped without an answer. */
  readonly dropRate: number;
  /** Only requests with these HTTP methods; every method when absent. */
  readonly methods?: readonly string[];
  /** Added to every matching request before it is served. */
  readonly latencyMs: number;
  /**
   * Added after a matching request was served and before its answer leaves: the change is made, the
   * caller waits (Graph timing out after a write took effect).
   */
  readonly responseLatencyMs: number;
  readonly seed: number;
}

/** A small seeded generator (mulberry32): the same seed gives the same faults for the same request order. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const faultBodies: Readonly<Record<number, [string, string]>> = {
  429: ["TooManyRequests", "Too many requests. Wait for the time given in the Retry-After header, then retry."],
  500: ["InternalServerError", "An internal server error occurred while processing the request."],
  503: ["serviceNotAvailable", "The service is temporarily unavailable. Retry the request later."],
  504: ["GatewayTimeout", "The gateway did not receive a response in time."],
};

/** Faults on demand for tests and benchmarks: errors, latency and dropped connections, reproducible from a seed. */
export class FaultInjector {
  readonly #rules: { rule: FaultRule; random: () => number }[] = [];

  get rules(): readonly FaultRule[] {
    return this.#rules.map((r) => r.rule);
  }

  add(rule: FaultRule): void {
    this.#rules.push({ rule, random: seededRandom(rule.seed) });
  }

  clear(): void {
    this.#rules.length = 0;
  }

  readonly gate = async (call: GraphCall): Promise<GateResult> => {
    let responseLatencyMs = 0;
    for (const { rule, random } of this.#rules) {
      if (rule.tenantId && rule.tenantId !== call.tenant.id) continue;
      if (rule.methods && !rule.methods.includes(call.request.method.toUpperCase())) continue;
      if (rule.latencyMs > 0) await sleep(rule.latencyMs);
      responseLatencyMs += rule.responseLatencyMs;
      const draw = random();
      if (draw < rule.dropRate) return { response: { status: 0, dropConnection: true } };
      if (draw < rule.dropRate + rule.rate) {
        const status = rule.statuses[Math.floor(random() * rule.statuses.length)] ?? 503;
        const [code, message] = faultBodies[status]!;
        throw new GraphError(status, code, message, status === 429 || status === 503 ? { "Retry-After": "1" } : {});
      }
    }
    return responseLatencyMs > 0 ? { headers: {}, afterHandler: () => sleep(responseLatencyMs) } : { headers: {} };
  };
}
