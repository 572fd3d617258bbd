import { setTimeout as sleep } from "node:timers/promises";
import { GraphOutcomeUnknown } from "../graph-errors.ts";
import type { GraphRequest } from "../tenant-graph.ts";
import { type BatchPacker, createBatchPacker } from "./batch-packer.ts";
import type { BudgetStore } from "./budget-store.ts";
import { type GraphQuotas, microsoftQuotas, type TenantSize } from "./graph-quotas.ts";
import type { Outcome } from "./graph-transport.ts";
import { createLeasedBudget } from "./leased-budget.ts";
import { createMemoryBudgetStore } from "./memory-budget-store.ts";
import { requestCost } from "./request-cost.ts";
import { type Answer, decide, type RetryLimits, retryDelayMs } from "./retry-policy.ts";
import { createTenantLane, type TenantLane } from "./tenant-lane.ts";
import { tokenIdentity } from "./token-identity.ts";

export interface GraphEngineOptions {
  /** Where the buckets live; PostgreSQL shares the application-wide budget between processes. In memory by default. */
  readonly store?: BudgetStore;
  /** Microsoft's identity quotas unless told otherwise (another version of the page, or a local cloud's time scale). */
  readonly quotas?: GraphQuotas;
  /** A tenant's size for its resource-unit quota; S, the smallest quota, when unknown. */
  readonly tenantSize?: (tenantId: string) => TenantSize | undefined;
  /** How long a request waits for others to share its `$batch`. */
  readonly batchWindowMs?: number;
  /** HTTP requests in flight per app+tenant. */
  readonly maxInFlightPerTenant?: number;
  /** Tokens taken from the store per round trip. */
  readonly leaseSize?: number;
  readonly retry?: Partial<RetryLimits>;
}

/** Where one call goes: a Graph endpoint and the token of one app in one tenant. */
export interface EngineTarget {
  readonly graphUrl: string;
  readonly accessToken: () => Promise<string>;
  /** Told every request id Graph returns. */
  readonly onRequestId?: (requestId: string) => void;
}

export interface EngineStats {
  /** Requests asked of the engine. */
  calls: number;
  /** HTTP requests sent to Graph, batches counting once. */
  httpRequests: number;
  /** `$batch` requests, and the requests they carried. */
  batches: number;
  batchedCalls: number;
  /** 429 answers seen, inside batches or not. */
  throttled: number;
  /** Attempts after the first (throttling, server errors, lost connections of reads). */
  retried: number;
  /** Writes ended with GraphOutcomeUnknown. */
  outcomeUnknown: number;
}

interface Lane {
  readonly lane: TenantLane;
  readonly packer: BatchPacker;
}

/**
 * The Graph engine: one per process. Every request is admitted by the budget of its app+tenant (token
 * buckets that follow Microsoft's quotas, Graph's headers and its 429s), packed with others of the same
 * tenant into `$batch`, and retried where that is safe.
 */
export function createGraphEngine(options: GraphEngineOptions = {}) {
  const quotas = options.quotas ?? microsoftQuotas;
  const nowMs = () => performance.now();
  const budget = createLeasedBudget({ store: options.store ?? createMemoryBudgetStore(nowMs), leaseSize: options.leaseSize ?? 20, nowMs });
  const limits: RetryLimits = { maxAttempts: 6, maxThrottledAttempts: 12, maxDelayMs: 30_000, ...options.retry };
  const lanes = new Map<string, Lane>();
  // A token source always acts as the same app in the same tenant: its lane is found once, not per request.
  const laneOfSource = new WeakMap<() => Promise<string>, Lane>();
  const stats: EngineStats = { calls: 0, httpRequests: 0, batches: 0, batchedCalls: 0, throttled: 0, retried: 0, outcomeUnknown: 0 };

  function laneFor(base: string, token: string): Lane {
    const { appId, tenantId } = tokenIdentity(token);
    const key = `${base}|${appId}|${tenantId}`;
    let lane = lanes.get(key);
    if (!lane) {
      lane = {
        lane: createTenantLane({ budget, quotas, appId, tenantId, tenantSize: () => options.tenantSize?.(tenantId) ?? "S", nowMs }),
        packer: createBatchPacker({
          base,
          windowMs: options.batchWindowMs ?? 3,
          maxInFlight: options.maxInFlightPerTenant ?? 8,
          onHttpRequest: (inside) => {
            stats.httpRequests++;
            if (inside > 1) {
              stats.batches++;
              stats.batchedCalls += inside;
            }
          },
        }),
      };
      lanes.set(key, lane);
    }
    return lane;
  }

  async function send(target: EngineTarget, request: GraphRequest): Promise<Answer> {
    stats.calls++;
    const base = `${target.graphUrl.replace(/\/$/, "")}/v1.0`;
    let found = laneOfSource.get(target.accessToken);
    if (!found) {
      found = laneFor(base, await target.accessToken());
      laneOfSource.set(target.accessToken, found);
    }
    const { lane, packer } = found;
    const cost = requestCost(request.method, request.path);
    for (let attempt = 1; ; attempt++) {
      await lane.admit(cost);
      const outcome = await new Promise<Outcome>((settle, fail) => packer.submit({ request, accessToken: target.accessToken, settle, fail }));
      if (outcome.kind === "answer" && outcome.requestId) target.onRequestId?.(outcome.requestId);
      if (outcome.kind === "answer" && outcome.status === 429) {
        stats.throttled++;
        lane.throttled(retryDelayMs(attempt, outcome.headers["retry-after"], limits.maxDelayMs));
      } else if (outcome.kind === "answer") {
        lane.answered(cost, outcome.headers);
      }
      const decision = decide(outcome, request, attempt, limits);
      if (decision.kind === "answer") return decision.answer;
      if (decision.kind === "error") {
        if (decision.error instanceof GraphOutcomeUnknown) stats.outcomeUnknown++;
        throw decision.error;
      }
      stats.retried++;
      // After a 429 the lane itself waits for Retry-After, for every request of this app+tenant.
      if (!decision.throttled) await sleep(decision.afterMs);
    }
  }

  return {
    send,
    /** Counters since the engine started, for benchmarks and diagnostics. */
    stats: (): EngineStats => ({ ...stats }),
  };
}

export type GraphEngine = ReturnType<typeof createGraphEngine>;
