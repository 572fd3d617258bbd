import { duplicateRequestId, invalidBatchPayload, tooManyRequestsInBatch, writeWithoutContent } from "./batch-errors.ts";

/** Microsoft Graph serves at most this many requests in one `$batch`. */
export const maxRequestsPerBatch = 20;

/** One request of a batch, checked and normalised. */
export interface BatchStep {
  readonly id: string;
  /** Upper case, as HTTP methods are compared. */
  readonly method: string;
  /** Path and query relative to the version, without a leading slash: `users/x?$select=id`. */
  readonly url: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** Absent when the request has no body (`null` means no body in OData's JSON batch format). */
  readonly body: unknown;
  readonly dependsOn: readonly string[];
}

const writeMethods = new Set(["POST", "PUT", "PATCH"]);

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.length > 0;
}

function parseJson(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody);
  } catch {
    throw invalidBatchPayload();
  }
}

function parseHeaders(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw invalidBatchPayload();
  const headers: Record<string, string> = {};
  for (const [name, headerValue] of Object.entries(value)) {
    if (typeof headerValue !== "string") throw invalidBatchPayload();
    headers[name.toLowerCase()] = headerValue;
  }
  return headers;
}

/**
 * Graph takes URLs relative to the version (`/users` or `users`) and refuses absolute ones. A path that would
 * climb out of the version (`../beta/users`) or a batch inside the batch (which OData forbids) is refused the same way.
 */
function parseUrl(value: unknown): string {
  if (!nonEmptyString(value) || /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith("//")) throw invalidBatchPayload();
  const relative = value.replace(/^\/+/, "");
  const path = new URL(`/v1.0/${relative}`, "https://graph.invalid").pathname;
  if (!path.startsWith("/v1.0/") || /^\/v1\.0\/\$batch\/?$/i.test(path)) throw invalidBatchPayload();
  return relative;
}

function parseDependsOn(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every(nonEmptyString)) throw invalidBatchPayload();
  return value;
}

function parseStep(value: unknown): BatchStep {
  if (!isObject(value) || !nonEmptyString(value.id) || !nonEmptyString(value.method)) throw invalidBatchPayload();
  return {
    id: value.id,
    method: value.method.toUpperCase(),
    url: parseUrl(value.url),
    headers: parseHeaders(value.headers),
    body: value.body ?? undefined,
    dependsOn: parseDependsOn(value.dependsOn),
  };
}

/** A write needs both a body and its Content-Type; any body needs its Content-Type. */
function checkContent(step: BatchStep): void {
  const hasContentType = step.headers["content-type"] !== undefined;
  const hasBody = step.body !== undefined;
  if ((hasBody && !hasContentType) || (writeMethods.has(step.method) && !hasBody)) throw writeWithoutContent(step.id);
}

/** Reads `{ "requests": [...] }`, refusing the whole batch as Graph does when it is malformed. */
export function parseBatchRequests(rawBody: string): BatchStep[] {
  const payload = parseJson(rawBody);
  if (!isObject(payload) || !Array.isArray(payload.requests) || payload.requests.length === 0) throw invalidBatchPayload();
  if (payload.requests.length > maxRequestsPerBatch) throw tooManyRequestsInBatch();
  const steps = payload.requests.map(parseStep);
  const seen = new Set<string>();
  for (const step of steps) {
    const key = step.id.toLowerCase();
    if (seen.has(key)) throw duplicateRequestId(step.id);
    seen.add(key);
  }
  for (const step of steps) checkContent(step);
  return steps;
}
