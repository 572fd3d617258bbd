import { randomBytes } from "node:crypto";

export interface RefreshGrant {
  readonly clientId: string;
  readonly tenantId: string;
  readonly userId: string;
  readonly scopes: readonly string[];
  readonly issuedAt: Date;
}

/** Entra's refresh tokens for people last 90 days unless revoked. */
const lifetimeMs = 90 * 24 * 60 * 60 * 1000;

/** Opaque refresh tokens, kept in memory: a restarted cloud asks people to sign in again. */
export class RefreshTokens {
  readonly #grants = new Map<string, RefreshGrant>();

  issue(grant: RefreshGrant): string {
    const token = randomBytes(48).toString("base64url");
    this.#grants.set(token, grant);
    return token;
  }

  find(token: string, now: Date): RefreshGrant | undefined {
    const grant = this.#grants.get(token);
    if (!grant) return undefined;
    if (now.getTime() - grant.issuedAt.getTime() > lifetimeMs) {
      this.#grants.delete(token);
      return undefined;
    }
    return grant;
  }
}
