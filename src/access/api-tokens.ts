import { createHash, randomBytes } from "node:crypto";
import type { Pool } from "pg";
import type { TokenScope } from "./principal.ts";

function sha256(token: string): Buffer {
  return createHash("sha256").update(token).digest();
}

export interface ApiTokenSummary {
  readonly id: string;
  readonly name: string;
  readonly scopes: readonly TokenScope[];
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

/** The operator behind a valid token, and what the token may do. */
export interface VerifiedToken {
  readonly tokenId: string;
  readonly tokenName: string;
  readonly operatorId: string;
  readonly operatorName: string;
  readonly groupIds: readonly string[];
  readonly scopes: readonly TokenScope[];
  /** Null for never: a token this one makes may not outlive it. */
  readonly expiresAt: Date | null;
}

interface SummaryRow {
  id: string;
  name: string;
  scopes: TokenScope[];
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const summaryOf = (row: SummaryRow): ApiTokenSummary => ({
  id: row.id,
  name: row.name,
  scopes: row.scopes,
  createdAt: row.created_at.toISOString(),
  expiresAt: row.expires_at?.toISOString() ?? null,
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

/** Personal API tokens: random, shown once, kept only as SHA-256 hashes; scoped, expiring and revocable. */
export function createApiTokens(deps: { pool: Pick<Pool, "query"> }) {
  return {
    /** A new token, not yet valid: `store` makes it count. */
    create(): string {
      return `tnt_${randomBytes(32).toString("base64url")}`;
    },

    async store(token: string, owner: { operatorId: string; name: string; scopes: readonly TokenScope[]; expiresAt: Date | null }): Promise<ApiTokenSummary> {
      const { rows } = await deps.pool.query<SummaryRow>(
        "INSERT INTO api_tokens (name, token_sha256, operator_id, scopes, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING *",
        [owner.name, sha256(token), owner.operatorId, owner.scopes, owner.expiresAt],
      );
      return summaryOf(rows[0]!);
    },

    /** The operator and scopes of a token that is neither revoked, expired, nor its operator disabled. */
    async verify(token: string): Promise<VerifiedToken | undefined> {
      const { rows } = await deps.pool.query<{ id: string; name: string; operator_id: string; user_principal_name: string; group_ids: string[]; scopes: TokenScope[]; expires_at: Date | null; stale: boolean }>(
        `SELECT t.id, t.name, t.operator_id, o.user_principal_name, o.group_ids, t.scopes, t.expires_at,
                (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute') AS stale
         FROM api_tokens t JOIN operators o ON o.id = t.operator_id
         WHERE t.token_sha256 = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) AND o.disabled_at IS NULL`,
        [sha256(token)],
      );
      const row = rows[0];
      if (!row) return undefined;
      // Recorded to the minute, so that a busy token does not write a row on every request.
      if (row.stale) await deps.pool.query("UPDATE api_tokens SET last_used_at = now() WHERE id = $1", [row.id]);
      return { tokenId: row.id, tokenName: row.name, operatorId: row.operator_id, operatorName: row.user_principal_name, groupIds: row.group_ids, scopes: row.scopes, expiresAt: row.expires_at };
    },

    async listOf(operatorId: string): Promise<ApiTokenSummary[]> {
      const { rows } = await deps.pool.query<SummaryRow>("SELECT * FROM api_tokens WHERE operator_id = $1 ORDER BY created_at", [operatorId]);
      return rows.map(summaryOf);
    },

    /** Revokes one of the operator's tokens; false when it has none with this id. */
    async revoke(operatorId: string, tokenId: string): Promise<boolean> {
      const result = await deps.pool.query("UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND operator_id = $2 AND revoked_at IS NULL", [tokenId, operatorId]);
      return (result.rowCount ?? 0) > 0;
    },
  };
}

export type ApiTokens = ReturnType<typeof createApiTokens>;
