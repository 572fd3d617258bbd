import { timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import type { ApiTokens, VerifiedToken } from "../access/api-tokens.ts";
import { type Principal, tokenScopes } from "../access/principal.ts";
import { readCookie, sessionCookie } from "../access/session-cookies.ts";
import type { ActiveSession, SessionsStore } from "../access/sessions-store.ts";
import type { ApiErrorBody } from "./api-errors.ts";

export type Authentication = { readonly principal: Principal } | { readonly status: 401 | 403; readonly body: ApiErrorBody };

const safeMethods: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);

const sessions = new WeakMap<FastifyRequest, ActiveSession>();
const tokens = new WeakMap<FastifyRequest, VerifiedToken>();

/** The signed-in session a request came with; undefined for API tokens. */
export function sessionOf(request: FastifyRequest): ActiveSession | undefined {
  return sessions.get(request);
}

/** The API token a request came with; undefined for sessions. */
export function tokenOf(request: FastifyRequest): VerifiedToken | undefined {
  return tokens.get(request);
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const noCredential: Authentication = {
  status: 401,
  body: { error: { code: "unauthenticated", message: "A valid API token (Authorization: Bearer <token>) or a signed-in session is required.", fix: "Sign in at /auth/sign-in, or use a personal API token (set TENANTRY_TOKEN for the CLI)." } },
};

const sessionEnded: Authentication = {
  status: 401,
  body: { error: { code: "unauthenticated", message: "The session has ended: signed out, unused for too long, or older than the longest a session lasts.", fix: "Sign in again at /auth/sign-in." } },
};

const badToken: Authentication = {
  status: 401,
  body: { error: { code: "unauthenticated", message: "The API token is not valid: unknown, revoked or expired.", fix: "Create a new personal API token with POST /api/me/tokens, or use the token printed by `tenantry serve`." } },
};

export const missingCsrf: { readonly status: 403; readonly body: ApiErrorBody } = {
  status: 403,
  body: { error: { code: "csrf", message: "A change made with a signed-in session must carry the session's X-CSRF-Token header.", fix: "Send the csrfToken of GET /api/me in the X-CSRF-Token header." } },
};

/** Whether a request made with a session may go on: it changes nothing, or it carries the session's CSRF token. */
export function carriesCsrfToken(request: FastifyRequest, session: ActiveSession): boolean {
  if (safeMethods.has(request.method)) return true;
  const given = request.headers["x-csrf-token"];
  return typeof given === "string" && sameSecret(given, session.csrfToken);
}

/**
 * Finds the operator behind a request: a bearer token (the CLI and API clients), else the session cookie (the
 * console). With the cookie, which a browser sends by itself, every change must also carry the session's CSRF
 * token, which another site cannot read.
 */
export function createAuthentication(deps: { tokens: Pick<ApiTokens, "verify">; sessions: Pick<SessionsStore, "verify"> }) {
  return async function authenticate(request: FastifyRequest): Promise<Authentication> {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const token = /^Bearer\s+(\S{1,256})$/i.exec(authorization)?.[1];
      const verified = token ? await deps.tokens.verify(token) : undefined;
      if (!verified) return badToken;
      tokens.set(request, verified);
      return { principal: { operatorId: verified.operatorId, name: verified.operatorName, groupIds: verified.groupIds, scopes: verified.scopes } };
    }
    const secret = readCookie(request.headers.cookie, sessionCookie);
    if (!secret) return noCredential;
    const session = await deps.sessions.verify(secret);
    if (!session) return sessionEnded;
    if (!carriesCsrfToken(request, session)) return missingCsrf;
    sessions.set(request, session);
    // A session may do whatever its operator's roles allow.
    return { principal: { operatorId: session.operatorId, name: session.operatorName, groupIds: session.groupIds, scopes: [...tokenScopes] } };
  };
}
