/** The application and tenant a token acts as: the pair Microsoft throttles on. */
export interface TokenIdentity {
  readonly appId: string;
  readonly tenantId: string;
}

const bounded = (value: unknown): string | undefined => (typeof value === "string" && value.length > 0 && value.length <= 64 ? value : undefined);

/**
 * Read from the token's claims (`appid` in v1 tokens, `azp` in v2, and `tid`), without verifying them:
 * they only name a budget. A token that cannot be read is budgeted under one shared name.
 */
export function tokenIdentity(token: string): TokenIdentity {
  try {
    const claims = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
    return { appId: bounded(claims.appid) ?? bounded(claims.azp) ?? "unknown", tenantId: bounded(claims.tid) ?? "unknown" };
  } catch {
    return { appId: "unknown", tenantId: "unknown" };
  }
}
