import { randomBytes } from "node:crypto";
import { AuthError, CryptoProvider, InteractionRequiredAuthError, ServerError } from "@azure/msal-node";
import type { AuditLog } from "../audit/audit-log.ts";
import type { OperatorsStore } from "./operators-store.ts";
import type { ActiveSession, SessionsStore } from "./sessions-store.ts";
import { accessAuditActions } from "./access-audit-actions.ts";
import { identityFromClaims } from "./sign-in-claims.ts";
import type { SignInClients } from "./sign-in-client.ts";
import type { PendingSignIns } from "./sign-in-pending-store.ts";

/** Why a sign-in did not happen, for the page the browser is shown. */
export interface SignInRefusal {
  readonly kind: "refused";
  readonly status: 400 | 401 | 403 | 502 | 503;
  readonly title: string;
  readonly message: string;
  /** Whether starting again may help (a link to sign in is offered). */
  readonly retry: boolean;
}

export type SignInStart = { readonly kind: "redirect"; readonly pendingId: string; readonly authorizationUrl: string } | SignInRefusal;

export type SignInCompletion = { readonly kind: "signed-in"; readonly secret: string; readonly session: ActiveSession; readonly returnTo: string } | SignInRefusal;

/** What the identity platform sent back to the redirect URI. */
export interface SignInCallback {
  readonly code?: string | undefined;
  readonly state?: string | undefined;
  readonly error?: string | undefined;
  readonly errorDescription?: string | undefined;
}

// OpenID Connect's own scopes: who signed in, nothing more. MSAL adds offline_access, which Tenantry does not use.
const scopes = ["openid", "profile"];

const refused = (status: SignInRefusal["status"], title: string, message: string, retry: boolean): SignInRefusal => ({ kind: "refused", status, title, message, retry });

function exchangeFailure(error: unknown): SignInRefusal {
  if (error instanceof ServerError || error instanceof InteractionRequiredAuthError) return refused(401, "Sign-in failed", `The identity platform refused the sign-in: ${error.errorMessage || error.errorCode}`, true);
  const unreachable = error instanceof AuthError && /network|endpoints_resolution/i.test(error.errorCode);
  if (error instanceof AuthError && !unreachable) return refused(400, "Sign-in failed", `The sign-in's answer could not be trusted: ${error.errorMessage || error.errorCode}`, true);
  return refused(502, "Sign-in failed", `Tenantry could not reach the identity platform: ${error instanceof Error ? error.message : String(error)}`, true);
}

/**
 * Operators sign in with OpenID Connect (authorization code with PKCE, through MSAL) in the MSP's own tenant,
 * the home tenant of Tenantry's application. Only people added as operators get a session.
 */
export function createSignInService(deps: {
  clients: SignInClients;
  pending: PendingSignIns;
  sessions: Pick<SessionsStore, "create" | "revoke">;
  operators: Pick<OperatorsStore, "signedIn" | "setGroups">;
  audit: Pick<AuditLog, "append">;
  /** `${publicUrl}/auth/callback`, as registered on the application. */
  redirectUri: () => string;
}) {
  const crypto = new CryptoProvider();

  return {
    /** Records a pending sign-in and gives the identity platform's address to send the browser to. */
    async begin(returnTo: string): Promise<SignInStart> {
      const client = await deps.clients();
      if (!client) return refused(503, "Sign-in is not set up", "Tenantry's application is not configured yet: run `tenantry app set` first.", false);
      const pkce = await crypto.generatePkceCodes();
      const state = randomBytes(24).toString("base64url");
      const nonce = randomBytes(24).toString("base64url");
      const authorizationUrl = await client.msal.getAuthCodeUrl({
        scopes,
        redirectUri: deps.redirectUri(),
        codeChallenge: pkce.challenge,
        codeChallengeMethod: "S256",
        state,
        nonce,
        responseMode: "query",
      });
      const pendingId = await deps.pending.start({ state, codeVerifier: pkce.verifier, nonce, returnTo });
      return { kind: "redirect", pendingId, authorizationUrl };
    },

    /**
     * Checks the identity platform's answer against the pending sign-in, redeems the code and opens a new session
     * for the operator. A session the browser brought along is ended: the new one never reuses an id it was given.
     */
    async complete(pendingId: string | undefined, callback: SignInCallback, previousSession: string | undefined): Promise<SignInCompletion> {
      const pending = pendingId ? await deps.pending.take(pendingId) : undefined;
      if (!pending) return refused(400, "Sign-in expired", "This sign-in was not started in this browser, was already used, or took longer than 10 minutes.", true);
      if (callback.error) return refused(401, "Sign-in failed", `The identity platform answered ${callback.error}: ${callback.errorDescription ?? "no description"}`, true);
      if (!callback.code || callback.state !== pending.state) return refused(400, "Sign-in failed", "The answer from the identity platform does not belong to this sign-in.", true);
      const client = await deps.clients();
      if (!client) return refused(503, "Sign-in is not set up", "Tenantry's application is not configured yet: run `tenantry app set` first.", false);

      let claims: object;
      try {
        const result = await client.msal.acquireTokenByCode(
          { code: callback.code, scopes, redirectUri: deps.redirectUri(), codeVerifier: pending.codeVerifier, state: pending.state, nonce: pending.nonce },
          { code: callback.code, state: callback.state },
        );
        claims = result.idTokenClaims;
        // Tenantry keeps none of the person's tokens: MSAL's in-memory cache would otherwise grow with every sign-in.
        if (result.account) await client.msal.getTokenCache().removeAccount(result.account);
      } catch (error) {
        return exchangeFailure(error);
      }
      const outcome = identityFromClaims(claims);
      if (!outcome.ok) return refused(401, "Sign-in failed", outcome.message, false);
      const identity = outcome.identity;
      const actor = { name: identity.userPrincipalName, via: "console" as const };
      if (identity.tenantId !== client.app.homeTenantId.toLowerCase()) {
        await deps.audit.append({ actor, action: accessAuditActions.signIn, outcome: "denied", inputs: { tenantId: identity.tenantId }, error: { code: "other_tenant" } });
        return refused(403, "Not this organisation", `${identity.userPrincipalName} belongs to another organisation; operators sign in with an account of the organisation that runs Tenantry.`, true);
      }
      const operator = await deps.operators.signedIn(identity);
      if (!operator) {
        await deps.audit.append({ actor, action: accessAuditActions.signIn, outcome: "denied", error: { code: "not_an_operator" } });
        return refused(403, "Not an operator", `${identity.userPrincipalName} is not a Tenantry operator. Ask a Platform Administrator to add you as an operator, then sign in again.`, false);
      }
      // The groups of this sign-in also hold for the operator's API tokens, until the next sign-in.
      await deps.operators.setGroups(operator.id, identity.groupIds);
      if (previousSession) await deps.sessions.revoke(previousSession);
      const created = await deps.sessions.create({ operatorId: operator.id, groupIds: identity.groupIds });
      await deps.audit.append({
        actor: { operatorId: operator.id, name: operator.userPrincipalName, via: "console" },
        action: accessAuditActions.signIn,
        target: { kind: "session", id: created.session.id },
        inputs: { groupIds: [...identity.groupIds] },
        outcome: "succeeded",
      });
      return { kind: "signed-in", secret: created.secret, session: created.session, returnTo: pending.returnTo };
    },

    /** Ends the session behind the cookie's value for good. */
    async signOut(secret: string, session: ActiveSession): Promise<void> {
      if (!(await deps.sessions.revoke(secret))) return;
      await deps.audit.append({
        actor: { operatorId: session.operatorId, name: session.operatorName, via: "console" },
        action: accessAuditActions.signOut,
        target: { kind: "session", id: session.id },
        outcome: "succeeded",
      });
    },
  };
}

export type SignInService = ReturnType<typeof createSignInService>;
