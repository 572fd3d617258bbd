import type { IncomingHttpHeaders } from "node:http";
import { type CloudRequest, header, splitPath } from "../../http/cloud-request.ts";
import type { BatchStep } from "./batch-request-parser.ts";

/** JSON bodies are sent as JSON; other bodies (base64 content, plain text) as the string they are. */
function rawBody(step: BatchStep): string {
  if (step.body === undefined) return "";
  const isJson = /json/i.test(step.headers["content-type"] ?? "");
  return typeof step.body === "string" && !isJson ? step.body : JSON.stringify(step.body);
}

/**
 * The request of one batch step as if it had been sent on its own: the batch's Authorization (a step cannot
 * bring another identity) and client-request-id, then the step's own headers, method, URL and body.
 */
export function subRequest(outer: CloudRequest, step: BatchStep): CloudRequest {
  const url = new URL(`/v1.0/${step.url}`, outer.url.origin);
  const headers: IncomingHttpHeaders = { host: outer.url.host };
  const clientRequestId = header(outer, "client-request-id");
  if (clientRequestId !== undefined) headers["client-request-id"] = clientRequestId;
  Object.assign(headers, step.headers);
  const authorization = header(outer, "authorization");
  if (authorization === undefined) delete headers.authorization;
  else headers.authorization = authorization;
  return {
    method: step.method,
    url,
    segments: splitPath(url.pathname),
    headers,
    rawBody: rawBody(step),
    remoteAddress: outer.remoteAddress,
  };
}
