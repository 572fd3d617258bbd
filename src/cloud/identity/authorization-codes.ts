import { randomBytes } from "node:crypto";

export interface CodeGrant {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly tenantId: string;
  readonly userId: string;
  readonly scopes: readonly string[];
  readonly nonce: string | undefined;
  readonly codeChallenge: string | undefined;
  readonly codeChallengeMethod: string;
}

const codeLifetimeMs = 10 * 60 * 1000;

/** One-time authorization codes, as the identity platform issues them (valid for ten minutes, redeemable once). */
export class AuthorizationCodes {
  readonly #codes = new Map<string, { grant: CodeGrant; expires: number }>();

  issue(grant: CodeGrant): string {
    const code = randomBytes(32).toString("base64url");
    this.#codes.set(code, { grant, expires: Date.now() + codeLifetimeMs });
    return code;
  }

  redeem(code: string): CodeGrant | undefined {
    const entry = this.#codes.get(code);
    this.#codes.delete(code);
    return entry && entry.expires > Date.now() ? entry.grant : undefined;
  }
}
