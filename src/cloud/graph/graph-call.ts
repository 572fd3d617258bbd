import type { CloudContext } from "../cloud-context.ts";
import type { AuditInitiator } from "../directory/audit-recorder.ts";
import type { TenantDirectory } from "../directory/tenant-directory.ts";
import type { CloudRequest, CloudResponse } from "../http/cloud-request.ts";
import type { AccessClaims } from "../identity/token-issuer.ts";

/** One authenticated Graph request, as a route handler sees it. */
export interface GraphCall {
  readonly context: CloudContext;
  readonly tenant: TenantDirectory;
  readonly claims: AccessClaims;
  readonly request: CloudRequest;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly initiator: AuditInitiator;
  readonly requestId: string;
  /** The route template, e.g. `/users/{id}`. */
  readonly pattern: string;
  body(): Record<string, unknown>;
  /** Runs another Graph request through the whole pipeline (authentication, gates, handler), as `$batch` does. */
  dispatch(request: CloudRequest): Promise<CloudResponse>;
}

/**
 * Runs before a route's handler: either lets the call through, adding response headers
 * (throttling reports its resource units), or answers instead of the handler (429, injected faults).
 */
export type GateResult =
  | {
      readonly headers: Readonly<Record<string, string>>;
      /** Awaited after the handler ran and before the answer leaves (an answer delayed after the change was made). */
      readonly afterHandler?: () => Promise<void>;
    }
  | { readonly response: CloudResponse };
export type RequestGate = (call: GraphCall) => GateResult | Promise<GateResult>;

export type GraphHandler = (call: GraphCall) => CloudResponse | Promise<CloudResponse>;

export interface GraphRoute {
  readonly method: string;
  readonly pattern: string;
  readonly handler: GraphHandler;
  /**
   * Application permissions that allow the call. By default they come from Microsoft's permission map for
   * the route's method and path; a handler may check finer rules (per-property PATCH rules) itself.
   * "none" marks a route that needs only a valid token, such as `$batch`, whose requests are checked one by one.
   */
  readonly permissions?: readonly string[] | "none";
}

export function route(method: string, pattern: string, handler: GraphHandler, permissions?: readonly string[] | "none"): GraphRoute {
  return permissions ? { method, pattern, handler, permissions } : { method, pattern, handler };
}
