import { GraphOutcomeUnknown, GraphRequestError, graphRequestError } from "../graph-errors.ts";
import type { GraphRequest } from "../tenant-graph.ts";
import type { Outcome } from "./graph-transport.ts";

export type Answer = Extract<Outcome, { kind: "answer" }>;

export type Decision =
  | { readonly kind: "answer"; readonly answer: Answer }
  | { readonly kind: "retry"; readonly afterMs: number; readonly throttled: boolean }
  | { readonly kind: "error"; readonly error: Error };

export interface RetryLimits {
  /** Attempts of a read that failed with a server error or a lost connection. */
  readonly maxAttempts: number;
  /** Attempts of any request Graph throttled (a 429 was not processed, so a write may be sent again). */
  readonly maxThrottledAttempts: number;
  readonly maxDelayMs: number;
}

const retriedServerErrors = new Set([500, 502, 503, 504]);

/** Retry-After when Graph gave one; otherwise full jitter, so that callers failing together come back apart. */
export function retryDelayMs(attempt: number, retryAfter: string | undefined, maxDelayMs: number): number {
  const seconds = retryAfter === undefined ? Number.NaN : Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, maxDelayMs);
  return Math.random() * Math.min(250 * 2 ** attempt, maxDelayMs);
}

function described(request: GraphRequest): string {
  return `${request.method} ${request.path.split("?")[0]}`;
}

/**
 * What to do with what came back: reads are retried on server errors and lost connections, any request
 * on 429; a write whose outcome is unknown is never sent again here: GraphOutcomeUnknown tells the caller
 * to read the state first.
 */
export function decide(outcome: Outcome, request: GraphRequest, attempt: number, limits: RetryLimits): Decision {
  const isRead = request.method === "GET";
  if (outcome.kind === "lost") {
    if (isRead && attempt < limits.maxAttempts) return { kind: "retry", afterMs: retryDelayMs(attempt, undefined, limits.maxDelayMs), throttled: false };
    if (isRead) return { kind: "error", error: new GraphRequestError(0, "networkError", `Microsoft Graph could not be reached: ${outcome.reason}`, undefined) };
    return { kind: "error", error: new GraphOutcomeUnknown(`The connection to Microsoft Graph failed during ${described(request)}: ${outcome.reason}`, undefined) };
  }
  const retryAfter = outcome.headers["retry-after"];
  if (outcome.status === 429 && attempt < limits.maxThrottledAttempts) {
    return { kind: "retry", afterMs: retryDelayMs(attempt, retryAfter, limits.maxDelayMs), throttled: true };
  }
  if (isRead && retriedServerErrors.has(outcome.status) && attempt < limits.maxAttempts) {
    return { kind: "retry", afterMs: retryDelayMs(attempt, retryAfter, limits.maxDelayMs), throttled: false };
  }
  if (!isRead && outcome.status >= 500) {
    const error = graphRequestError(outcome.status, outcome.body, outcome.requestId);
    return {
      kind: "error",
      error: new GraphOutcomeUnknown(`Microsoft Graph answered ${outcome.status} (${error.code}: ${error.message}) to ${described(request)}.`, error.requestId),
    };
  }
  return { kind: "answer", answer: outcome };
}
