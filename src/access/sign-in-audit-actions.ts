// The audit log's action names for operators signing in and out, and for their own API tokens.

export const signInAuditActions = {
  signIn: "operators.sign-in",
  signOut: "operators.sign-out",
  personalTokenCreate: "api-tokens.create",
  personalTokenRevoke: "api-tokens.revoke",
} as const;
