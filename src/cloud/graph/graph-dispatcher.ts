import { randomUUID } from "node:crypto";
import { applicationPermissionsFor } from "../authz/required-permissions.ts";
import type { CloudContext } from "../cloud-context.ts";
import type { AuditInitiator } from "../directory/audit-recorder.ts";
import { type CloudRequest, type CloudResponse, header } from "../http/cloud-request.ts";
import { Router } from "../http/router.ts";
import type { AccessClaims } from "../identity/token-issuer.ts";
import { TokenVerifier } from "../identity/token-issuer.ts";
import { ODataQueryError } from "./odata/index.ts";
import type { GraphCall, GraphRoute, RequestGate } from "./graph-call.ts";
import { GraphError, insufficientPrivileges, segmentNotFound } from "./graph-error.ts";

const diagnostic = JSON.stringify({ ServerInfo: { DataCenter: "Local", Slice: "E", Ring: "1", ScaleUnit: "000", RoleInstance: "LOCAL" } });
const jsonContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

/** Graph's error body: code, message and innerError with date and request ids. */
export function graphErrorResponse(error: GraphError, requestId: string, clientRequestId: string, now: Date): CloudResponse {
  return {
    status: error.status,
    headers: { ...error.headers },
    body: {
      error: {
        code: error.code,
        message: error.message,
        innerError: { date: now.toISOString().slice(0, 19), "request-id": requestId, "client-request-id": clientRequestId },
      },
    },
  };
}

function toGraphError(error: unknown): GraphError | undefined {
  if (error instanceof GraphError) return error;
  if (error instanceof ODataQueryError) return new GraphError(error.status, error.code, error.message);
  return undefined;
}

/** Route templates name their parameters (`{userId}`); Microsoft's permission map writes them all as `{id}`. */
function permissionPattern(pattern: string): string {
  return pattern.replace(/\{[^}]+\}/g, "{id}");
}

function parseBody(request: CloudRequest): Record<string, unknown> {
  if (request.rawBody.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.rawBody);
  } catch {
    throw new GraphError(400, "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new GraphError(400, "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
  }
  return parsed as Record<string, unknown>;
}

/** Graph also addresses entities as `users('id')`; both forms resolve to the same route. */
function normaliseSegments(segments: readonly string[]): string[] {
  const out: string[] = [];
  for (const segment of segments) {
    const key = /^([^(]+)\('?(.*?)'?\)$/.exec(segment);
    if (!key) out.push(segment);
    else if (key[2] === "") out.push(key[1]!); // a function called with no arguments: delta()
    else out.push(key[1]!, key[2]!);
  }
  return out;
}

/** Answers a request whose path starts with `/v1.0`. */
export type GraphDispatcher = (request: CloudRequest) => Promise<CloudResponse>;

export function graphDispatcher(context: CloudContext, routes: readonly GraphRoute[], gates: readonly RequestGate[] = []): GraphDispatcher {
  const router = new Router<GraphRoute>();
  for (const r of routes) router.add(r.method, r.pattern, r);
  const verifier = new TokenVerifier(context);

  async function authenticate(request: CloudRequest): Promise<AccessClaims> {
    const authorization = header(request, "authorization") ?? "";
    const token = /^Bearer\s+(.+)$/i.exec(authorization)?.[1];
    if (!token) throw new GraphError(401, "InvalidAuthenticationToken", "Access token is empty.");
    const result = await verifier.verify(token);
    if ("refused" in result) {
      const message =
        result.refused === "expired"
          ? "Lifetime validation failed, the token is expired."
          : result.refused === "audience"
            ? "Access token validation failure. Invalid audience."
            : "IDX14100: JWT is not well formed, there are no dots (.).";
      throw new GraphError(401, "InvalidAuthenticationToken", message);
    }
    return result;
  }

  const acceptedByRoute = new Map<GraphRoute, readonly string[] | "none">();
  for (const r of routes) {
    acceptedByRoute.set(r, r.permissions ?? applicationPermissionsFor(r.method, permissionPattern(r.pattern))?.accepted ?? []);
  }

  function checkPermission(r: GraphRoute, claims: AccessClaims): void {
    const accepted = acceptedByRoute.get(r);
    if (claims.idtyp === "user" || accepted === "none") return;
    if (!accepted?.some((p) => claims.roles.includes(p))) throw insufficientPrivileges();
  }

  async function run(request: CloudRequest, requestId: string): Promise<CloudResponse> {
    const segments = request.segments.slice(1);
    const claims = await authenticate(request);
    const tenant = context.state.tenant(claims.tid);
    if (!tenant) throw new GraphError(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid tenant.");
    const normalised = normaliseSegments(segments);
    const match = router.match(request.method, normalised);
    if (match === "method-not-allowed") {
      throw new GraphError(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.");
    }
    if (match === undefined) throw segmentNotFound(router.firstUnknownSegment(normalised) ?? "");
    checkPermission(match.handler, claims);
    const sp = claims.idtyp === "app" ? tenant.objects.get(claims.oid) : undefined;
    const user = claims.idtyp === "user" ? tenant.user(claims.oid) : undefined;
    const initiator: AuditInitiator = {
      app: sp?.kind === "servicePrincipal" ? { appId: sp.appId, displayName: sp.displayName, servicePrincipalId: sp.id } : null,
      user: user ? { id: user.id, userPrincipalName: user.userPrincipalName, displayName: user.displayName } : null,
    };
    let body: Record<string, unknown> | undefined;
    const call: GraphCall = {
      context,
      tenant,
      claims,
      request,
      params: match.params,
      query: request.url.searchParams,
      initiator,
      requestId,
      pattern: match.pattern,
      body: () => {
        body ??= parseBody(request);
        return body;
      },
      dispatch,
    };
    const added: Record<string, string> = {};
    const afterHandler: (() => Promise<void>)[] = [];
    for (const gate of gates) {
      const result = await gate(call);
      if ("response" in result) return result.response;
      Object.assign(added, result.headers);
      if (result.afterHandler) afterHandler.push(result.afterHandler);
    }
    const response = await match.handler.handler(call);
    for (const wait of afterHandler) await wait();
    return { ...response, headers: { ...added, ...response.headers } };
  }

  async function dispatch(request: CloudRequest): Promise<CloudResponse> {
    const requestId = randomUUID();
    const clientRequestId = header(request, "client-request-id") ?? requestId;
    let response: CloudResponse;
    try {
      response = await run(request, requestId);
    } catch (error) {
      const graphError = toGraphError(error);
      if (!graphError) throw error;
      response = graphErrorResponse(graphError, requestId, clientRequestId, context.now());
    }
    const headers: Record<string, string> = {
      "Cache-Control": "no-cache",
      "OData-Version": "4.0",
      "request-id": requestId,
      "client-request-id": clientRequestId,
      "x-ms-ags-diagnostic": diagnostic,
      "Strict-Transport-Security": "max-age=31536000",
      ...response.headers,
    };
    if (response.body !== undefined && typeof response.body !== "string" && !headers["Content-Type"]) headers["Content-Type"] = jsonContentType;
    return { ...response, headers };
  }

  return dispatch;
}
