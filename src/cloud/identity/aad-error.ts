import { randomUUID } from "node:crypto";
import type { CloudResponse } from "../http/cloud-request.ts";

export type OAuthErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "unauthorized_client"
  | "unsupported_grant_type"
  | "invalid_scope"
  | "invalid_resource"
  | "access_denied"
  | "temporarily_unavailable";

/** An error of the identity platform, answered in Microsoft's OAuth error shape. */
export class AadError extends Error {
  readonly error: OAuthErrorCode;
  readonly aadsts: number;
  readonly status: number;

  constructor(error: OAuthErrorCode, aadsts: number, message: string, status = 400) {
    super(message);
    this.error = error;
    this.aadsts = aadsts;
    this.status = status;
  }
}

function timestamp(now: Date): string {
  return `${now.toISOString().slice(0, 19).replace("T", " ")}Z`;
}

export function aadErrorResponse(error: AadError, now = new Date()): CloudResponse {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const when = timestamp(now);
  return {
    status: error.status,
    headers: { "Cache-Control": "no-store, no-cache", "x-ms-request-id": traceId },
    body: {
      error: error.error,
      error_description: `AADSTS${error.aadsts}: ${error.message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${when}`,
      error_codes: [error.aadsts],
      timestamp: when,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${error.aadsts}`,
    },
  };
}
