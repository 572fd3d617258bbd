-- The audit log: append-only, each entry chained to the one before by SHA-256 (src/audit/audit-hash.ts).
-- The hash is computed by Tenantry over a canonical serialisation of the entry; `tenantry audit verify` recomputes it.

CREATE TABLE audit_entries (
  sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id uuid NOT NULL CONSTRAINT audit_entries_id_unique UNIQUE,
  occurred_at timestamptz NOT NULL,
  -- {"operatorId"?: string, "name": string, "via": "console" | "cli" | "api" | "job"}
  actor jsonb NOT NULL CONSTRAINT audit_entries_actor_shape CHECK (
    jsonb_typeof(actor) = 'object'
    AND coalesce(jsonb_typeof(actor->'name'), '') = 'string'
    AND coalesce(actor->>'via', '') IN ('console', 'cli', 'api', 'job')
    AND coalesce(jsonb_typeof(actor->'operatorId'), 'string') = 'string'
  ),
  action text NOT NULL CONSTRAINT audit_entries_action_length CHECK (char_length(action) BETWEEN 1 AND 128),
  tenant_id uuid,
  -- {"id"?: string, "kind": string, "display"?: string}
  target jsonb CONSTRAINT audit_entries_target_shape CHECK (jsonb_typeof(target) = 'object' AND coalesce(jsonb_typeof(target->'kind'), '') = 'string'),
  -- The action's inputs with secrets redacted.
  inputs jsonb NOT NULL CONSTRAINT audit_entries_inputs_object CHECK (jsonb_typeof(inputs) = 'object'),
  -- The changed properties, before and after.
  before jsonb CONSTRAINT audit_entries_before_object CHECK (jsonb_typeof(before) = 'object'),
  after jsonb CONSTRAINT audit_entries_after_object CHECK (jsonb_typeof(after) = 'object'),
  outcome text NOT NULL CONSTRAINT audit_entries_outcome CHECK (outcome IN ('requested', 'succeeded', 'failed', 'denied')),
  error jsonb CONSTRAINT audit_entries_error_object CHECK (jsonb_typeof(error) = 'object'),
  graph_request_ids text[] NOT NULL,
  duration_ms integer CONSTRAINT audit_entries_duration_not_negative CHECK (duration_ms >= 0),
  correlation_id uuid NOT NULL,
  -- 32 zero bytes for the first entry.
  previous_hash bytea NOT NULL CONSTRAINT audit_entries_previous_hash_length CHECK (octet_length(previous_hash) = 32),
  hash bytea NOT NULL CONSTRAINT audit_entries_hash_length CHECK (octet_length(hash) = 32),
  -- One successor per entry: two appends that read the same head cannot both commit, so the chain never forks.
  CONSTRAINT audit_entries_one_successor UNIQUE (previous_hash),
  CONSTRAINT audit_entries_hash_unique UNIQUE (hash)
);

CREATE INDEX audit_entries_tenant ON audit_entries (tenant_id, sequence);
CREATE INDEX audit_entries_occurred_at ON audit_entries (occurred_at);
CREATE INDEX audit_entries_action ON audit_entries (action, sequence);
CREATE INDEX audit_entries_correlation ON audit_entries (correlation_id);
CREATE INDEX audit_entries_actor_name ON audit_entries (lower(actor->>'name'));
CREATE INDEX audit_entries_target_id ON audit_entries ((target->>'id'));

CREATE FUNCTION audit_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The audit log is append-only: % on audit_entries is not allowed.', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Audit entries are never changed or removed; record a new entry instead.';
END;
$$;

CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse_change();

CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_refuse_change();
