import { randomUUID } from "node:crypto";
import { type CloudRequest, type CloudResponse, header } from "../../http/cloud-request.ts";
import { graphErrorResponse } from "../graph-dispatcher.ts";
import { GraphError } from "../graph-error.ts";

/** One element of `responses` in a batch's answer. */
export interface BatchResponseEntry {
  readonly id: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/** Headers about the outer HTTP exchange, which Graph does not repeat inside a batch's responses. */
const connectionHeaders = new Set(["strict-transport-security", "x-ms-ags-diagnostic"]);

function errorEntry(id: string, error: GraphError, outer: CloudRequest, now: Date): BatchResponseEntry {
  const requestId = randomUUID();
  const clientRequestId = header(outer, "client-request-id") ?? requestId;
  const response = graphErrorResponse(error, requestId, clientRequestId, now);
  const headers = { "Cache-Control": "no-cache", "request-id": requestId, "client-request-id": clientRequestId, "Content-Type": "application/json" };
  return { id, status: response.status, headers, body: response.body };
}

/** The answer to a request that was run: its status, headers and body. */
export function responseEntry(id: string, response: CloudResponse, outer: CloudRequest, now: Date): BatchResponseEntry {
  // An injected dropped connection cannot happen inside a batch: the service in between reports a gateway timeout.
  if (response.dropConnection) return errorEntry(id, new GraphError(504, "GatewayTimeout", "The gateway did not receive a response in time."), outer, now);
  const headers = Object.fromEntries(Object.entries(response.headers ?? {}).filter(([name]) => !connectionHeaders.has(name.toLowerCase())));
  return response.body === undefined ? { id, status: response.status, headers } : { id, status: response.status, headers, body: response.body };
}

/** The answer to a request that was not run because a request it depends on failed. */
export function failedDependencyEntry(id: string, outer: CloudRequest, now: Date): BatchResponseEntry {
  return errorEntry(id, new GraphError(424, "FailedDependency", "Failed Dependency"), outer, now);
}
