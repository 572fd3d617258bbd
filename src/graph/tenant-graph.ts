import { setTimeout as sleep } from "node:timers/promises";
import type { GraphEngine } from "./engine/graph-engine.ts";
import { sendOne } from "./engine/graph-transport.ts";
import { type Answer, decide, type RetryLimits } from "./engine/retry-policy.ts";
import { graphRequestError } from "./graph-errors.ts";

export type GraphHttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export interface GraphRequest {
  readonly method: GraphHttpMethod;
  /** Below /v1.0, with its query string, e.g. "/users/abc?$select=id". */
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface GraphAnswer<T> {
  readonly status: number;
  readonly body: T;
  readonly requestId: string | undefined;
}

export interface TenantGraphOptions {
  /** e.g. https://graph.microsoft.com */
  readonly graphUrl: string;
  readonly accessToken: () => Promise<string>;
  /** Told every request id Graph returns, so the audit log can quote them. */
  readonly onRequestId?: (requestId: string) => void;
  /** Attempts for reads, and for writes Graph refused with 429 (which it did not process). */
  readonly maxAttempts?: number;
  /** The longest wait between attempts, in milliseconds. */
  readonly maxDelayMs?: number;
  /** The process's Graph engine (budgets, $batch, retries); without it, one request at a time. */
  readonly engine?: GraphEngine;
}

/**
 * Microsoft Graph v1.0 for one tenant: reads are retried on throttling and server errors after
 * Retry-After or a jittered backoff; writes only on 429, and otherwise end in GraphOutcomeUnknown.
 * Given the process's engine, requests go through it (budgets, $batch); without it, one at a time
 * under the engine's retry rules.
 */
export function createTenantGraph(options: TenantGraphOptions) {
  const maxAttempts = options.maxAttempts ?? 5;
  const limits: RetryLimits = { maxAttempts, maxThrottledAttempts: maxAttempts, maxDelayMs: options.maxDelayMs ?? 30_000 };
  const base = `${options.graphUrl.replace(/\/$/, "")}/v1.0`;

  async function sendAlone(request: GraphRequest): Promise<Answer> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await sendOne(base, await options.accessToken(), request);
      if (outcome.kind === "answer" && outcome.requestId) options.onRequestId?.(outcome.requestId);
      const decision = decide(outcome, request, attempt, limits);
      if (decision.kind === "answer") return decision.answer;
      if (decision.kind === "error") throw decision.error;
      await sleep(decision.afterMs);
    }
  }

  async function send<T>(request: GraphRequest): Promise<GraphAnswer<T>> {
    const answer = options.engine
      ? await options.engine.send({ graphUrl: options.graphUrl, accessToken: options.accessToken, ...(options.onRequestId ? { onRequestId: options.onRequestId } : {}) }, request)
      : await sendAlone(request);
    if (answer.status < 300) return { status: answer.status, body: answer.body as T, requestId: answer.requestId };
    throw graphRequestError(answer.status, answer.body, answer.requestId);
  }

  return {
    send,
    get: <T>(path: string, headers?: Readonly<Record<string, string>>) => send<T>({ method: "GET", path, ...(headers ? { headers } : {}) }),
  };
}

export type TenantGraph = ReturnType<typeof createTenantGraph>;
