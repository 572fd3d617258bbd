import { z } from "zod";

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "must be a GUID");

/** The claims of a v2.0 ID token that say who signed in, and in which of their organisation's groups. */
const idTokenClaims = z.object({
  tid: guid,
  oid: guid,
  preferred_username: z.string().min(1).max(256),
  name: z.string().max(256).optional(),
  // Object ids for security groups; an app configured to emit names (on-premises attributes) gets strings.
  groups: z.array(z.string().max(256)).max(1000).optional(),
  // "Groups overage": a member of more groups than fit in a token gets a link to Graph instead of `groups`.
  _claim_names: z.object({ groups: z.string().max(64).optional() }).optional(),
});

export interface SignedInIdentity {
  readonly tenantId: string;
  readonly objectId: string;
  readonly userPrincipalName: string;
  readonly displayName: string | null;
  /** Object ids of the security groups the person is in. */
  readonly groupIds: readonly string[];
}

export type IdentityOutcome = { readonly ok: true; readonly identity: SignedInIdentity } | { readonly ok: false; readonly message: string };

/** Who signed in, from the ID token's claims as MSAL read them. */
export function identityFromClaims(claims: object): IdentityOutcome {
  const parsed = idTokenClaims.safeParse(claims);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `The ID token from the identity platform lacks a usable '${issue?.path.join(".") ?? "claim"}' claim (${issue?.message ?? "invalid"}).` };
  }
  const token = parsed.data;
  if (token.groups === undefined && token._claim_names?.groups) {
    return {
      ok: false,
      message: `${token.preferred_username} is in more groups than an ID token can list, so the token names none and Tenantry cannot tell which group roles apply. In the app registration's token configuration, emit only the groups assigned to the application.`,
    };
  }
  return {
    ok: true,
    identity: {
      tenantId: token.tid.toLowerCase(),
      objectId: token.oid.toLowerCase(),
      userPrincipalName: token.preferred_username,
      displayName: token.name ?? null,
      groupIds: (token.groups ?? []).filter((id) => guid.safeParse(id).success).map((id) => id.toLowerCase()),
    },
  };
}
