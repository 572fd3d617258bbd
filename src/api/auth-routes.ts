import type { FastifyReply } from "fastify";
import { z } from "zod";
import { clearCookie, readCookie, sessionCookie, setCookie, signInCookie } from "../access/session-cookies.ts";
import type { SessionsStore } from "../access/sessions-store.ts";
import { pendingSignInMinutes } from "../access/sign-in-pending-store.ts";
import { sameOriginPath } from "../access/sign-in-return-to.ts";
import type { SignInRefusal, SignInService } from "../access/sign-in-service.ts";
import { carriesCsrfToken, missingCsrf } from "./authentication.ts";
import type { ZodApp } from "./zod-app.ts";

/** The routes of signing in, which answer without a credential (api-server lists them as public). */
export const authRoutePaths = ["/auth/sign-in", "/auth/callback", "/auth/sign-out"] as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function sendPage(reply: FastifyReply, refusal: Pick<SignInRefusal, "status" | "title" | "message" | "retry">): FastifyReply {
  const retry = refusal.retry ? `<p><a href="/auth/sign-in">Sign in again</a></p>` : "";
  return reply
    .status(refusal.status)
    .header("Cache-Control", "no-store")
    .header("Content-Security-Policy", "default-src 'none'")
    .type("text/html")
    .send(`<!doctype html><html lang="en"><meta charset="utf-8"><title>${escapeHtml(refusal.title)}</title><h1>${escapeHtml(refusal.title)}</h1><p>${escapeHtml(refusal.message)}</p>${retry}</html>`);
}

export interface AuthRouteDependencies {
  readonly signIn: SignInService;
  readonly sessions: Pick<SessionsStore, "verify">;
  /** The address browsers reach Tenantry at (known once the server listens). */
  readonly publicUrl: () => string;
}

/**
 * Operators sign in to the console through the identity platform (OpenID Connect), and sign out. The browser
 * carries the session in an HttpOnly cookie; the console reads the CSRF token from GET /api/me.
 */
export function registerAuthRoutes(app: ZodApp, deps: AuthRouteDependencies): void {
  const secure = () => deps.publicUrl().startsWith("https:");

  app.get(
    "/auth/sign-in",
    { schema: { hide: true, querystring: z.object({ returnTo: z.string().max(2048).optional().describe("a path of Tenantry to open once signed in") }) } },
    async (request, reply) => {
      const returnTo = sameOriginPath(request.query.returnTo, deps.publicUrl());
      if (returnTo === undefined) return sendPage(reply, { status: 400, title: "Sign-in refused", message: "returnTo must be a path of Tenantry, such as /tenants.", retry: true });
      const start = await deps.signIn.begin(returnTo);
      if (start.kind === "refused") return sendPage(reply, start);
      return reply
        .header("Set-Cookie", setCookie(signInCookie, start.pendingId, { secure: secure(), maxAgeSeconds: pendingSignInMinutes * 60 }))
        .header("Cache-Control", "no-store")
        .redirect(start.authorizationUrl, 302);
    },
  );

  app.get(
    "/auth/callback",
    {
      schema: {
        hide: true,
        querystring: z.object({
          code: z.string().max(4096).optional(),
          state: z.string().max(256).optional(),
          error: z.string().max(256).optional(),
          error_description: z.string().max(2048).optional(),
          session_state: z.string().max(256).optional(),
        }),
      },
    },
    async (request, reply) => {
      const cookies = request.headers.cookie;
      const { code, state, error, error_description: errorDescription } = request.query;
      const outcome = await deps.signIn.complete(readCookie(cookies, signInCookie), { code, state, error, errorDescription }, readCookie(cookies, sessionCookie));
      const forgetSignIn = clearCookie(signInCookie, { secure: secure() });
      if (outcome.kind === "refused") return sendPage(reply.header("Set-Cookie", forgetSignIn), outcome);
      return reply
        .header("Set-Cookie", [forgetSignIn, setCookie(sessionCookie, outcome.secret, { secure: secure() })])
        .header("Cache-Control", "no-store")
        .redirect(outcome.returnTo, 302);
    },
  );

  app.post("/auth/sign-out", { schema: { hide: true } }, async (request, reply) => {
    const secret = readCookie(request.headers.cookie, sessionCookie);
    const session = secret ? await deps.sessions.verify(secret) : undefined;
    if (secret && session) {
      // Signing out is a change like any other: another site must not be able to end the session.
      if (!carriesCsrfToken(request, session)) return reply.status(missingCsrf.status).send(missingCsrf.body);
      await deps.signIn.signOut(secret, session);
    }
    return reply.header("Set-Cookie", clearCookie(sessionCookie, { secure: secure() })).status(204).send();
  });
}
