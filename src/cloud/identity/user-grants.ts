import { createHash } from "node:crypto";
import type { CloudContext } from "../cloud-context.ts";
import { AadError } from "./aad-error.ts";
import type { AuthorizationCodes } from "./authorization-codes.ts";
import { authenticateClient } from "./client-authentication.ts";
import type { RefreshTokens } from "./refresh-tokens.ts";
import { requireTenant } from "./resolve-tenant.ts";
import { accessTokenLifetimeSeconds, issueIdToken, issueUserAccessToken } from "./token-issuer.ts";
import { required, type TokenRequest } from "./token-request.ts";

const oidcScopes: ReadonlySet<string> = new Set(["openid", "profile", "email", "offline_access"]);

function pkceMatches(verifier: string, challenge: string, method: string): boolean {
  if (method === "plain") return verifier === challenge;
  return createHash("sha256").update(verifier).digest("base64url") === challenge;
}

interface UserGrant {
  readonly clientId: string;
  readonly tenantId: string;
  readonly userId: string;
  readonly scopes: readonly string[];
  readonly nonce?: string | undefined;
}

/** Access, id and (with offline_access) refresh tokens for a person, after checking the account still may sign in. */
async function issueUserTokens(context: CloudContext, refreshTokens: RefreshTokens, request: TokenRequest, grant: UserGrant, sessionStart?: Date) {
  const registration = context.state.application(grant.clientId);
  if (!registration) throw new AadError("unauthorized_client", 700016, `Application with identifier '${grant.clientId}' was not found.`);
  if (request.hasCredential) {
    const audiences = [grant.tenantId, "organizations", "common"].map((t) => `${context.baseUrl}/${t}/oauth2/v2.0/token`);
    await authenticateClient(registration.app, request.credential, audiences, context.now());
  }
  const tenant = requireTenant(context, grant.tenantId);
  const user = tenant.user(grant.userId);
  if (!user || user.deletedDateTime || !user.accountEnabled) throw new AadError("invalid_grant", 50057, "The user account is disabled.");
  if (sessionStart && new Date(user.signInSessionsValidFromDateTime) >= sessionStart) {
    throw new AadError("invalid_grant", 50173, "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.");
  }
  const delegated = grant.scopes.filter((s) => !oidcScopes.has(s));
  const body: Record<string, unknown> = {
    token_type: "Bearer",
    scope: grant.scopes.join(" "),
    expires_in: accessTokenLifetimeSeconds,
    ext_expires_in: accessTokenLifetimeSeconds,
    access_token: await issueUserAccessToken(context, tenant, user, grant.clientId, registration.app.displayName, delegated.length ? delegated : ["User.Read"]),
    id_token: await issueIdToken(context, tenant, user, registration.app, grant.nonce),
  };
  if (grant.scopes.includes("offline_access")) {
    body.refresh_token = refreshTokens.issue({ clientId: grant.clientId, tenantId: tenant.id, userId: user.id, scopes: grant.scopes, issuedAt: sessionStart ?? context.now() });
  }
  return body;
}

export async function authorizationCodeGrant(context: CloudContext, codes: AuthorizationCodes, refreshTokens: RefreshTokens, request: TokenRequest) {
  const grant = codes.redeem(required(request.params, "code"));
  if (!grant || grant.clientId !== request.clientId) {
    throw new AadError("invalid_grant", 70008, "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.");
  }
  if (grant.redirectUri !== request.params.get("redirect_uri")) {
    throw new AadError("invalid_grant", 500112, "The reply address does not match the reply address that was used to obtain the authorization code.");
  }
  if (grant.codeChallenge) {
    const verifier = request.params.get("code_verifier");
    if (!verifier || !pkceMatches(verifier, grant.codeChallenge, grant.codeChallengeMethod)) {
      throw new AadError("invalid_grant", 501481, "The Code_Verifier does not match the code_challenge supplied in the authorization request.");
    }
  }
  return issueUserTokens(context, refreshTokens, request, grant);
}

/** A refresh token stays valid until its user's sessions are revoked (revokeSignInSessions) or it expires. */
export async function refreshTokenGrant(context: CloudContext, refreshTokens: RefreshTokens, request: TokenRequest) {
  const grant = refreshTokens.find(required(request.params, "refresh_token"), context.now());
  if (!grant || grant.clientId !== request.clientId) {
    throw new AadError("invalid_grant", 9002313, "Invalid request. Request is malformed or invalid: the refresh token is not valid.");
  }
  const requested = request.params.get("scope")?.split(" ").filter(Boolean);
  return issueUserTokens(context, refreshTokens, request, { ...grant, scopes: requested?.length ? requested : grant.scopes }, grant.issuedAt);
}
