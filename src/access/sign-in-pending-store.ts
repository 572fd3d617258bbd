import { createHash, randomBytes } from "node:crypto";
import type { Pool } from "pg";

/** What the callback of a sign-in must check, kept on the server while the browser is at the identity platform. */
export interface PendingSignIn {
  readonly state: string;
  readonly codeVerifier: string;
  readonly nonce: string;
  /** A path of Tenantry. */
  readonly returnTo: string;
}

export const pendingSignInMinutes = 10;

const sha256 = (secret: string): Buffer => createHash("sha256").update(secret).digest();

/** Sign-ins under way, each usable once and for ten minutes, found by a random id kept in the browser's cookie. */
export function createPendingSignIns(deps: { pool: Pick<Pool, "query"> }) {
  return {
    /** Records the sign-in; returns the id for the browser's cookie. */
    async start(pending: PendingSignIn): Promise<string> {
      await deps.pool.query("DELETE FROM pending_sign_ins WHERE expires_at < now()");
      const id = randomBytes(32).toString("base64url");
      await deps.pool.query(
        "INSERT INTO pending_sign_ins (id_sha256, state, code_verifier, nonce, return_to, expires_at) VALUES ($1, $2, $3, $4, $5, now() + make_interval(mins => $6))",
        [sha256(id), pending.state, pending.codeVerifier, pending.nonce, pending.returnTo, pendingSignInMinutes],
      );
      return id;
    },

    /** The sign-in behind the cookie's id, removed so that it cannot be completed twice; undefined when unknown or expired. */
    async take(id: string): Promise<PendingSignIn | undefined> {
      const { rows } = await deps.pool.query<{ state: string; code_verifier: string; nonce: string; return_to: string; expired: boolean }>(
        "DELETE FROM pending_sign_ins WHERE id_sha256 = $1 RETURNING state, code_verifier, nonce, return_to, expires_at < now() AS expired",
        [sha256(id)],
      );
      const row = rows[0];
      if (!row || row.expired) return undefined;
      return { state: row.state, codeVerifier: row.code_verifier, nonce: row.nonce, returnTo: row.return_to };
    },
  };
}

export type PendingSignIns = ReturnType<typeof createPendingSignIns>;
