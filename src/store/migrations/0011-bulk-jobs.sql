-- Bulk jobs (src/jobs/bulk/): one catalog write action over many targets in one or many tenants. Every item
-- runs through the action runner as the job's creator, so it has its own run in the journal and the audit.

CREATE TABLE bulk_jobs (
  id uuid PRIMARY KEY,
  action text NOT NULL CONSTRAINT bulk_jobs_action_length CHECK (char_length(action) BETWEEN 1 AND 128),
  -- The input every item shares; each item's own input is kept with the item.
  template jsonb NOT NULL,
  source text NOT NULL CONSTRAINT bulk_jobs_source CHECK (source IN ('ids', 'csv', 'search')),
  -- The creator: items run with this operator's rights as they are when each item runs.
  operator_id uuid NOT NULL,
  -- Its name, Entra groups and credential scopes when it created the job.
  principal jsonb NOT NULL,
  -- The tenants the job's items are in: who else may see the job.
  tenant_ids uuid[] NOT NULL,
  -- 'running' until paused or cancelled; a running job with no item left to do is finished.
  state text NOT NULL CONSTRAINT bulk_jobs_state CHECK (state IN ('running', 'paused', 'cancelled')),
  total integer NOT NULL CONSTRAINT bulk_jobs_total CHECK (total >= 0),
  -- In milliseconds, as the API shows it, so that a page cursor made of it is exact.
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX bulk_jobs_created ON bulk_jobs (created_at DESC, id DESC);
CREATE INDEX bulk_jobs_operator ON bulk_jobs (operator_id, created_at DESC);

CREATE TABLE bulk_job_items (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  job_id uuid NOT NULL REFERENCES bulk_jobs (id) ON DELETE CASCADE,
  -- Its place in the selection: the CSV line, or the position in the list of ids.
  row_number integer NOT NULL,
  -- The tenant and the target as the selection gave them.
  tenant text NOT NULL CONSTRAINT bulk_job_items_tenant_length CHECK (char_length(tenant) <= 256),
  target text NOT NULL CONSTRAINT bulk_job_items_target_length CHECK (char_length(target) <= 256),
  -- Null when the row named a tenant that is not connected (or not visible to the creator).
  tenant_id uuid,
  -- The item's whole input (template and row); null for a row refused before it could be built.
  input jsonb,
  -- pending -> queued (handed to pg-boss) -> running -> succeeded | failed | refused; skipped when cancelled.
  state text NOT NULL CONSTRAINT bulk_job_items_state CHECK (state IN ('pending', 'queued', 'running', 'succeeded', 'failed', 'refused', 'skipped')),
  -- Each attempt has its own idempotency key; retry-failed and a retry after throttling start a new one.
  attempt integer NOT NULL DEFAULT 1,
  -- Runs of the item so far, counting every retry.
  tries integer NOT NULL DEFAULT 0,
  -- The pg-boss job carrying the item while it is queued: a stale delivery of an older job does nothing.
  queue_job uuid,
  -- The runner instance (process) running it, or that ran it; when that process is gone before the item
  -- finished, the item goes back to pending.
  runner_instance uuid,
  run_id uuid,
  error jsonb,
  not_before timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);

CREATE INDEX bulk_job_items_job ON bulk_job_items (job_id, state, id);
CREATE INDEX bulk_job_items_pending ON bulk_job_items (tenant_id, id) WHERE state = 'pending';
CREATE INDEX bulk_job_items_in_flight ON bulk_job_items (tenant_id) WHERE state IN ('queued', 'running');
CREATE INDEX bulk_job_items_running ON bulk_job_items (runner_instance) WHERE state = 'running';
CREATE INDEX bulk_job_items_finished ON bulk_job_items (job_id, finished_at) WHERE finished_at IS NOT NULL;
