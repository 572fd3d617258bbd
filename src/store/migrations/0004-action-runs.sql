-- The action journal: one row per run of a catalog action that changes something (src/actions/).
-- The intent is committed, with its audit entry, before Graph is called; the outcome after.
-- A row left in 'requested' by a process that died is settled by reading Graph (src/actions/action-reconciler.ts).

CREATE TABLE action_runs (
  id uuid PRIMARY KEY,
  -- Who asked: the API token's name (later the operator); an idempotency key is unique per requester.
  requester text NOT NULL CONSTRAINT action_runs_requester_length CHECK (char_length(requester) BETWEEN 1 AND 256),
  idempotency_key text NOT NULL CONSTRAINT action_runs_key_length CHECK (char_length(idempotency_key) BETWEEN 1 AND 128),
  -- SHA-256 of action, tenant and input: the same key with another request is refused.
  request_sha256 bytea NOT NULL CONSTRAINT action_runs_request_hash_length CHECK (octet_length(request_sha256) = 32),
  action text NOT NULL CONSTRAINT action_runs_action_length CHECK (char_length(action) BETWEEN 1 AND 128),
  tenant_id uuid NOT NULL,
  actor jsonb NOT NULL,
  -- The input with secrets redacted.
  inputs jsonb NOT NULL,
  target jsonb,
  -- What the runner intends, enough to tell afterwards from Graph whether it happened (no secrets).
  plan jsonb,
  state text NOT NULL CONSTRAINT action_runs_state CHECK (state IN ('requested', 'succeeded', 'failed', 'refused')),
  -- The process that is executing the run; its advisory lock is held while it lives.
  runner_instance uuid NOT NULL,
  result jsonb,
  before jsonb,
  after jsonb,
  error jsonb,
  warnings jsonb NOT NULL DEFAULT '[]',
  graph_request_ids text[] NOT NULL DEFAULT '{}',
  correlation_id uuid NOT NULL,
  reconciled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  CONSTRAINT action_runs_one_per_key UNIQUE (requester, idempotency_key)
);

CREATE INDEX action_runs_unfinished ON action_runs (runner_instance) WHERE state = 'requested';
CREATE INDEX action_runs_tenant ON action_runs (tenant_id, created_at);

-- A refusal before the target was read has no target: allow NULL, keep the shape otherwise.
ALTER TABLE audit_entries DROP CONSTRAINT audit_entries_target_shape;
ALTER TABLE audit_entries ADD CONSTRAINT audit_entries_target_shape
  CHECK (target IS NULL OR (jsonb_typeof(target) = 'object' AND coalesce(jsonb_typeof(target->'kind'), '') = 'string'));
