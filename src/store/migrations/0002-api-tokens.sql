-- Tokens for the API and CLI until operators sign in (technician access comes next); only hashes are kept.
CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CONSTRAINT api_tokens_name_length CHECK (char_length(name) BETWEEN 1 AND 128),
  token_sha256 bytea NOT NULL CONSTRAINT api_tokens_hash_unique UNIQUE CONSTRAINT api_tokens_hash_length CHECK (octet_length(token_sha256) = 32),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
