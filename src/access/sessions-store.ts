import { createHash, randomBytes } from "node:crypto";
import type { Pool } from "pg";
import type { SessionTimeouts } from "./session-timeouts.ts";

const sha256 = (secret: string): Buffer => createHash("sha256").update(secret).digest();

/** A session that is still valid, with its operator. */
export interface ActiveSession {
  /** The row's id: names the session in logs and audit entries, unlike the secret cookie value. */
  readonly id: string;
  readonly operatorId: string;
  readonly operatorName: string;
  readonly groupIds: readonly string[];
  readonly csrfToken: string;
  readonly createdAt: string;
}

/** A new session: its secret id goes into the cookie and is never stored. */
export interface NewSession {
  readonly secret: string;
  readonly session: ActiveSession;
}

interface Row {
  id: string;
  operator_id: string;
  user_principal_name: string;
  group_ids: string[];
  csrf_token: string;
  created_at: Date;
}

const activeOf = (row: Row): ActiveSession => ({
  id: row.id,
  operatorId: row.operator_id,
  operatorName: row.user_principal_name,
  groupIds: row.group_ids,
  csrfToken: row.csrf_token,
  createdAt: row.created_at.toISOString(),
});

/**
 * Signed-in sessions: random ids kept only as SHA-256 hashes, refused once revoked, idle for longer than the
 * idle timeout, older than the absolute timeout, or when their operator is disabled or removed.
 */
export function createSessionsStore(deps: { pool: Pick<Pool, "query">; timeouts: SessionTimeouts }) {
  const { idleSeconds, absoluteSeconds } = deps.timeouts;
  // Recording every request would write a row per request; a tenth of the idle timeout is precise enough.
  const touchAfterMs = Math.min(60_000, (idleSeconds * 1000) / 10);

  return {
    timeouts: deps.timeouts,

    async create(owner: { operatorId: string; groupIds: readonly string[] }): Promise<NewSession> {
      // Sessions past their absolute timeout can never come back: cleared as new ones are made.
      await deps.pool.query("DELETE FROM operator_sessions WHERE created_at < now() - make_interval(secs => $1)", [absoluteSeconds]);
      const secret = randomBytes(32).toString("base64url");
      const { rows } = await deps.pool.query<Row>(
        `WITH created AS (
           INSERT INTO operator_sessions (id_sha256, operator_id, group_ids, csrf_token) VALUES ($1, $2, $3, $4) RETURNING *
         )
         SELECT c.*, o.user_principal_name FROM created c JOIN operators o ON o.id = c.operator_id`,
        [sha256(secret), owner.operatorId, owner.groupIds, randomBytes(32).toString("base64url")],
      );
      return { secret, session: activeOf(rows[0]!) };
    },

    /** The session behind a cookie value, if it is still valid; its use keeps it from going idle. */
    async verify(secret: string): Promise<ActiveSession | undefined> {
      const { rows } = await deps.pool.query<Row & { idle_ms: number }>(
        `SELECT s.*, o.user_principal_name, extract(epoch FROM now() - s.last_seen_at)::float8 * 1000 AS idle_ms
         FROM operator_sessions s JOIN operators o ON o.id = s.operator_id
         WHERE s.id_sha256 = $1 AND s.revoked_at IS NULL AND o.disabled_at IS NULL
           AND s.last_seen_at > now() - make_interval(secs => $2)
           AND s.created_at > now() - make_interval(secs => $3)`,
        [sha256(secret), idleSeconds, absoluteSeconds],
      );
      const row = rows[0];
      if (!row) return undefined;
      if (row.idle_ms >= touchAfterMs) {
        await deps.pool.query("UPDATE operator_sessions SET last_seen_at = now() WHERE id = $1", [row.id]);
      }
      return activeOf(row);
    },

    /** Ends the session behind a cookie value; false when there was no such session still open. */
    async revoke(secret: string): Promise<boolean> {
      const result = await deps.pool.query("UPDATE operator_sessions SET revoked_at = now() WHERE id_sha256 = $1 AND revoked_at IS NULL", [sha256(secret)]);
      return (result.rowCount ?? 0) > 0;
    },
  };
}

export type SessionsStore = ReturnType<typeof createSessionsStore>;
