import { setTimeout as sleep } from "node:timers/promises";
import type { GraphEngine } from "./engine/graph-engine.ts";
import { GraphOutcomeUnknown, GraphRequestError, graphRequestError, parseGraphBody } from "./graph-errors.ts";

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
  /** The process's Graph engine (budgets, $batch, retries); without it, one request at a time as below. */
  readonly engine?: GraphEngine;
}

const transient = new Set([429, 500, 502, 503, 504]);


function delayMs(attempt: number, retryAfter: string | null, maxDelayMs: number): number {
  const seconds = retryAfter === null ? Number.NaN : Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, maxDelayMs);
  // Full jitter, so that many callers throttled together do not come back together.
  return Math.random() * Math.min(250 * 2 ** attempt, maxDelayMs);
}

/**
 * Microsoft Graph v1.0 for one tenant: reads are retried on throttling and server errors after
 * Retry-After or a jittered backoff; writes only on 429, and otherwise end in GraphOutcomeUnknown.
 * Given the process's engine, requests go through it instead (src/graph/engine/).
 */
export function createTenantGraph(options: TenantGraphOptions) {
  const maxAttempts = options.maxAttempts ?? 5;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const base = `${options.graphUrl.replace(/\/$/, "")}/v1.0`;

  async function sendThroughEngine<T>(engine: GraphEngine, request: GraphRequest): Promise<GraphAnswer<T>> {
    const answer = await engine.send({ graphUrl: options.graphUrl, accessToken: options.accessToken, ...(options.onRequestId ? { onRequestId: options.onRequestId } : {}) }, request);
    if (answer.status < 300) return { status: answer.status, body: answer.body as T, requestId: answer.requestId };
    throw graphRequestError(answer.status, answer.body, answer.requestId);
  }

  async function send<T>(request: GraphRequest): Promise<GraphAnswer<T>> {
    if (options.engine) return sendThroughEngine<T>(options.engine, request);
    const isRead = request.method === "GET";
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(`${base}${request.path}`, {
          method: request.method,
          headers: {
            Authorization: `Bearer ${await options.accessToken()}`,
            ...(request.body === undefined ? {} : { "Content-Type": "application/json" }),
            ...request.headers,
          },
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
          signal: AbortSignal.timeout(120_000),
        });
      } catch (error) {
        const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
        if (isRead && attempt < maxAttempts) {
          await sleep(delayMs(attempt, null, maxDelayMs));
          continue;
        }
        if (isRead) throw new GraphRequestError(0, "networkError", `Microsoft Graph could not be reached: ${reason}`, undefined);
        throw new GraphOutcomeUnknown(`The connection to Microsoft Graph failed during ${request.method} ${request.path.split("?")[0]}: ${reason}`, undefined);
      }
      const requestId = response.headers.get("request-id") ?? undefined;
      if (requestId) options.onRequestId?.(requestId);
      const text = await response.text().catch(() => "");
      const body = parseGraphBody(text);
      if (response.ok) return { status: response.status, body: body as T, requestId };
      const retryable = transient.has(response.status) && (isRead || response.status === 429);
      if (retryable && attempt < maxAttempts) {
        await sleep(delayMs(attempt, response.headers.get("retry-after"), maxDelayMs));
        continue;
      }
      if (!isRead && response.status >= 500) {
        const error = graphRequestError(response.status, body, requestId);
        throw new GraphOutcomeUnknown(`Microsoft Graph answered ${response.status} (${error.code}: ${error.message}) to ${request.method} ${request.path.split("?")[0]}.`, requestId);
      }
      throw graphRequestError(response.status, body, requestId);
    }
  }

  return {
    send,
    get: <T>(path: string, headers?: Readonly<Record<string, string>>) => send<T>({ method: "GET", path, ...(headers ? { headers } : {}) }),
  };
}

export type TenantGraph = ReturnType<typeof createTenantGraph>;
