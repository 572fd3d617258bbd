-- Operators signing in to the console (src/access/sign-in-*.ts, src/access/sessions-store.ts).

-- A sign-in between the redirect to the identity platform and its return: what the callback must check.
-- Keyed by the SHA-256 of a random id kept in a short-lived cookie of the browser that started it.
CREATE TABLE pending_sign_ins (
  id_sha256 bytea PRIMARY KEY CONSTRAINT pending_sign_ins_id_length CHECK (octet_length(id_sha256) = 32),
  state text NOT NULL CONSTRAINT pending_sign_ins_state_length CHECK (char_length(state) BETWEEN 16 AND 128),
  code_verifier text NOT NULL CONSTRAINT pending_sign_ins_verifier_length CHECK (char_length(code_verifier) BETWEEN 43 AND 128),
  nonce text NOT NULL CONSTRAINT pending_sign_ins_nonce_length CHECK (char_length(nonce) BETWEEN 16 AND 128),
  -- A path of Tenantry itself, where the browser goes once signed in.
  return_to text NOT NULL CONSTRAINT pending_sign_ins_return_to_shape CHECK (char_length(return_to) BETWEEN 1 AND 2048 AND left(return_to, 1) = '/'),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX pending_sign_ins_expiry ON pending_sign_ins (expires_at);

-- A signed-in browser. Only the SHA-256 of the session id (the cookie's value) is kept.
CREATE TABLE operator_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  id_sha256 bytea NOT NULL CONSTRAINT operator_sessions_id_unique UNIQUE CONSTRAINT operator_sessions_id_length CHECK (octet_length(id_sha256) = 32),
  operator_id uuid NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
  -- The Entra security groups in the ID token of this sign-in.
  group_ids uuid[] NOT NULL DEFAULT '{}',
  -- Sent back by the console in X-CSRF-Token with every change; useless without the session cookie.
  csrf_token text NOT NULL CONSTRAINT operator_sessions_csrf_length CHECK (char_length(csrf_token) BETWEEN 32 AND 128),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX operator_sessions_operator ON operator_sessions (operator_id);
