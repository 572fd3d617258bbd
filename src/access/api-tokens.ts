import { createHash, randomBytes } from "node:crypto";
import type { Pool } from "pg";

function sha256(token: string): Buffer {
  return createHash("sha256").update(token).digest();
}

/** API tokens: random, shown once, kept only as SHA-256 hashes. */
export function createApiTokens(deps: { pool: Pick<Pool, "query"> }) {
  return {
    /** A new token, not yet valid: `store` makes it count. */
    create(): string {
      return `tnt_${randomBytes(32).toString("base64url")}`;
    },

    async store(name: string, token: string): Promise<void> {
      await deps.pool.query("INSERT INTO api_tokens (name, token_sha256) VALUES ($1, $2)", [name, sha256(token)]);
    },

    async hasActive(): Promise<boolean> {
      return (await deps.pool.query("SELECT 1 FROM api_tokens WHERE revoked_at IS NULL LIMIT 1")).rowCount !== 0;
    },

    /** The token's name when it is valid and not revoked. */
    async verify(token: string): Promise<string | undefined> {
      const result = await deps.pool.query<{ name: string }>("SELECT name FROM api_tokens WHERE token_sha256 = $1 AND revoked_at IS NULL", [sha256(token)]);
      return result.rows[0]?.name;
    },
  };
}

export type ApiTokens = ReturnType<typeof createApiTokens>;
