import { parseGraphBody } from "../graph-errors.ts";
import type { GraphRequest } from "../tenant-graph.ts";

/** What came back for one request: Graph's answer, or nothing usable (the connection failed). */
export type Outcome =
  | { readonly kind: "answer"; readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: unknown; readonly requestId: string | undefined }
  | { readonly kind: "lost"; readonly reason: string };

const timeoutMs = 120_000;

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? error.cause.message : error.message;
}

function lowerCased(headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) if (typeof value === "string") out[name.toLowerCase()] = value;
  return out;
}

async function exchange(url: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    return { kind: "lost", reason: reasonOf(error) };
  }
  const text = await response.text().catch(() => "");
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { kind: "answer", status: response.status, headers, body: parseGraphBody(text), requestId: headers["request-id"] };
}

/** One request on its own. */
export function sendOne(base: string, token: string, request: GraphRequest): Promise<Outcome> {
  return exchange(`${base}${request.path}`, {
    method: request.method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(request.body === undefined ? {} : { "Content-Type": "application/json" }),
      ...request.headers,
    },
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
  });
}

interface BatchAnswer {
  readonly responses?: readonly { readonly id?: unknown; readonly status?: unknown; readonly headers?: Record<string, string>; readonly body?: unknown }[];
}

/**
 * Up to 20 independent requests in one `POST /$batch`, each answered from its own response (status,
 * headers, body, request id). When the batch itself fails, every request gets that failure.
 */
export async function sendBatch(base: string, token: string, requests: readonly GraphRequest[]): Promise<Outcome[]> {
  const payload = {
    requests: requests.map((request, index) => ({
      id: String(index + 1),
      method: request.method,
      url: request.path,
      ...(request.body === undefined
        ? request.headers
          ? { headers: request.headers }
          : {}
        : { headers: { "Content-Type": "application/json", ...request.headers }, body: request.body }),
    })),
  };
  const outer = await exchange(`${base}/$batch`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify(payload),
  });
  if (outer.kind === "lost" || outer.status !== 200) return requests.map(() => outer);
  const byId = new Map(((outer.body as BatchAnswer | undefined)?.responses ?? []).map((r) => [String(r.id), r]));
  return requests.map((_, index): Outcome => {
    const entry = byId.get(String(index + 1));
    if (!entry || typeof entry.status !== "number") return { kind: "lost", reason: "the batch's answer has no response for this request" };
    const headers = lowerCased(entry.headers);
    return { kind: "answer", status: entry.status, headers, body: entry.body, requestId: headers["request-id"] };
  });
}
