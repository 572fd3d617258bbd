// An operator's own API tokens: made and revoked with their audit entries in one transaction; the token
// itself is returned once and never stored or audited.
import type { Pool } from "pg";
import type { AuditActor } from "../audit/audit-entry.ts";
import type { AuditLog } from "../audit/audit-log.ts";
import { inTransaction } from "../store/transaction.ts";
import { ActionRefused } from "../actions/action-errors.ts";
import { accessAuditActions } from "./access-audit-actions.ts";
import { type ApiTokenSummary, createApiTokens } from "./api-tokens.ts";
import type { Principal, TokenScope } from "./principal.ts";

/** What the request that makes a token was made with: a signed-in session, or a token (its expiry, null for never). */
export type CreatingCredential = { readonly kind: "session" } | { readonly kind: "token"; readonly expiresAt: Date | null };

export function createPersonalTokens(deps: { pool: Pick<Pool, "query" | "connect">; audit: Pick<AuditLog, "append"> }) {
  return {
    /**
     * A token may not make a token that can do more, or last longer, than itself, so that a stolen token
     * cannot renew itself for ever; a session may make any token its operator may hold.
     */
    async create(principal: Principal, actor: AuditActor, credential: CreatingCredential, request: { name: string; scopes: readonly TokenScope[]; expiresInDays: number }): Promise<{ token: string; summary: ApiTokenSummary }> {
      const scopes = [...new Set(request.scopes)];
      const beyond = credential.kind === "session" ? [] : scopes.filter((scope) => !principal.scopes.includes(scope));
      if (beyond.length > 0) {
        throw new ActionRefused({ status: 403, code: "scope_not_held", field: "scopes", message: `This API token lacks ${beyond.join(", ")}, so it cannot give them to a new token.`, fix: "Create the token while signed in, or with a token that has these scopes." });
      }
      const wanted = new Date(Date.now() + request.expiresInDays * 86_400_000);
      const limit = credential.kind === "token" ? credential.expiresAt : null;
      const expiresAt = limit && limit < wanted ? limit : wanted;
      const tokens = createApiTokens({ pool: deps.pool });
      const token = tokens.create();
      const summary = await inTransaction(deps.pool, async (tx) => {
        const stored = await createApiTokens({ pool: tx }).store(token, { operatorId: principal.operatorId, name: request.name, scopes, expiresAt });
        await deps.audit.append({ actor, action: accessAuditActions.personalTokenCreate, target: { kind: "api-token", id: stored.id, display: stored.name }, inputs: { name: stored.name, scopes: [...scopes], expiresAt: stored.expiresAt }, outcome: "succeeded" }, tx);
        return stored;
      });
      return { token, summary };
    },

    /** False when the operator has no active token with this id. */
    async revoke(principal: Principal, actor: AuditActor, tokenId: string): Promise<boolean> {
      return inTransaction(deps.pool, async (tx) => {
        if (!(await createApiTokens({ pool: tx }).revoke(principal.operatorId, tokenId))) return false;
        await deps.audit.append({ actor, action: accessAuditActions.personalTokenRevoke, target: { kind: "api-token", id: tokenId.toLowerCase() }, outcome: "succeeded" }, tx);
        return true;
      });
    },
  };
}

export type PersonalTokens = ReturnType<typeof createPersonalTokens>;
