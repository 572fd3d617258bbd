import { randomUUID } from "node:crypto";
import { importJWK, jwtVerify, SignJWT } from "jose";
import type { CloudContext } from "../cloud-context.ts";
import { graphResource } from "../cloud-context.ts";
import type { ApplicationRecord, ServicePrincipalRecord, UserRecord } from "../directory/model.ts";
import type { TenantDirectory } from "../directory/tenant-directory.ts";
import { groupMembershipClaims } from "./group-claims.ts";

export const accessTokenLifetimeSeconds = 3599;

/** Entra puts this role template in every app-only token's wids, whatever roles the service principal holds. */
export const appOnlyRoleTemplateId = "0997a1d0-0d1d-4acb-b408-d5ca73121e90";

export interface AccessClaims {
  readonly tid: string;
  readonly oid: string;
  readonly appid: string;
  readonly idtyp: "app" | "user";
  readonly roles: readonly string[];
  readonly scp: string | undefined;
  readonly wids: readonly string[];
  readonly exp: number;
  readonly appDisplayName: string;
}

async function sign(context: CloudContext, claims: Record<string, unknown>, lifetimeSeconds: number): Promise<string> {
  // Token lifetimes follow the real clock even when the cloud's clock is sped up: clients cache
  // tokens by their own clock, and a token that expired early would only measure that mismatch.
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ typ: "JWT", alg: "RS256", kid: context.keys.kid })
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + lifetimeSeconds)
    .sign(context.keys.privateKey);
}

/** An app-only token for Microsoft Graph, shaped like Entra's v1.0 Graph tokens. */
export function issueAppToken(
  context: CloudContext,
  tenant: TenantDirectory,
  sp: ServicePrincipalRecord,
  credentialKind: "secret" | "certificate",
): Promise<string> {
  return sign(
    context,
    {
      aud: graphResource,
      iss: `${context.baseUrl}/${tenant.id}/`,
      app_displayname: sp.displayName,
      appid: sp.appId,
      appidacr: credentialKind === "secret" ? "1" : "2",
      idp: `${context.baseUrl}/${tenant.id}/`,
      idtyp: "app",
      oid: sp.id,
      sub: sp.id,
      roles: [...new Set(sp.appRoleAssignments.map((a) => a.permission))].sort(),
      wids: [...tenant.rolesOf(sp.id), appOnlyRoleTemplateId].sort(),
      tid: tenant.id,
      uti: randomUUID().replaceAll("-", ""),
      ver: "1.0",
    },
    accessTokenLifetimeSeconds,
  );
}

export function issueUserAccessToken(
  context: CloudContext,
  tenant: TenantDirectory,
  user: UserRecord,
  clientId: string,
  clientName: string,
  scopes: readonly string[],
): Promise<string> {
  return sign(
    context,
    {
      aud: graphResource,
      iss: `${context.baseUrl}/${tenant.id}/`,
      app_displayname: clientName,
      appid: clientId,
      idtyp: "user",
      name: user.displayName,
      oid: user.id,
      sub: user.id,
      upn: user.userPrincipalName,
      scp: scopes.join(" "),
      wids: [...tenant.rolesOf(user.id)].sort(),
      tid: tenant.id,
      ver: "1.0",
    },
    accessTokenLifetimeSeconds,
  );
}

/** A v2.0 ID token for the app, with the membership claims its registration asks for. */
export function issueIdToken(
  context: CloudContext,
  tenant: TenantDirectory,
  user: UserRecord,
  app: ApplicationRecord,
  nonce: string | undefined,
): Promise<string> {
  const claims: Record<string, unknown> = {
    ...groupMembershipClaims(tenant, user, app, context.baseUrl),
    aud: app.appId,
    iss: `${context.baseUrl}/${tenant.id}/v2.0`,
    name: user.displayName,
    oid: user.id,
    preferred_username: user.userPrincipalName,
    email: user.mail ?? undefined,
    sub: user.id,
    tid: tenant.id,
    ver: "2.0",
  };
  if (nonce) claims.nonce = nonce;
  return sign(context, claims, accessTokenLifetimeSeconds);
}

export class TokenVerifier {
  readonly #context: CloudContext;
  readonly #cache = new Map<string, AccessClaims>();

  constructor(context: CloudContext) {
    this.#context = context;
  }

  /** Returns the claims, or a reason the token is refused. Verified tokens are remembered until they expire. */
  async verify(token: string): Promise<AccessClaims | { refused: "invalid" | "expired" | "audience" }> {
    const cached = this.#cache.get(token);
    const now = Date.now() / 1000;
    if (cached) return cached.exp > now ? cached : { refused: "expired" };
    try {
      const key = await importJWK(this.#context.keys.publicJwk, "RS256");
      const { payload } = await jwtVerify(token, key);
      if (payload.aud !== graphResource) return { refused: "audience" };
      const claims: AccessClaims = {
        tid: String(payload.tid),
        oid: String(payload.oid),
        appid: String(payload.appid),
        idtyp: payload.idtyp === "user" ? "user" : "app",
        roles: Array.isArray(payload.roles) ? payload.roles.map(String) : [],
        scp: typeof payload.scp === "string" ? payload.scp : undefined,
        wids: Array.isArray(payload.wids) ? payload.wids.map(String) : [],
        exp: payload.exp ?? 0,
        appDisplayName: String(payload.app_displayname ?? ""),
      };
      if (this.#cache.size > 10_000) this.#cache.clear();
      this.#cache.set(token, claims);
      return claims;
    } catch (error) {
      if (error instanceof Error && "code" in error && error.code === "ERR_JWT_EXPIRED") return { refused: "expired" };
      return { refused: "invalid" };
    }
  }
}
