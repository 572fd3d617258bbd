// Who is calling: an operator, the Entra groups it was in when it signed in, and what its credential allows.

export const tokenScopes = ["actions:read", "actions:write", "audit:read", "platform"] as const;
export type TokenScope = (typeof tokenScopes)[number];

export interface Principal {
  readonly operatorId: string;
  readonly name: string;
  /** Object ids of the Entra security groups the operator belongs to (from its sign-in). */
  readonly groupIds: readonly string[];
  /** What the credential may do; a session may do everything its operator may. */
  readonly scopes: readonly TokenScope[];
}
