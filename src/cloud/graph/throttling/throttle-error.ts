import { GraphError } from "../graph-error.ts";

/** Graph's 429 for identity requests: a Retry-After in seconds (possibly fractional) and the limit that was hit. */
export function graphErrorForThrottling(retryAfterSeconds: number, scope: string, information: string): GraphError {
  const retryAfter = Math.max(0.001, Math.ceil(retryAfterSeconds * 1000) / 1000);
  return new GraphError(429, "TooManyRequests", "Too many requests. Wait for the time given in the Retry-After header, then retry.", {
    "Retry-After": String(retryAfter),
    "x-ms-throttle-scope": scope,
    "x-ms-throttle-information": information,
  });
}
