-- Microsoft Graph's quotas as token buckets shared by every Tenantry process (src/graph/engine/):
-- resource units and writes per application+tenant, per application and per tenant. Processes take
-- tokens in small leases with one atomic UPDATE, so together they never spend more than a bucket holds.

CREATE TABLE graph_budget_buckets (
  -- e.g. 'writes|{appId}|{tenantId}'.
  bucket text PRIMARY KEY CONSTRAINT graph_budget_buckets_key_length CHECK (char_length(bucket) BETWEEN 1 AND 200),
  tokens double precision NOT NULL,
  capacity double precision NOT NULL CONSTRAINT graph_budget_buckets_capacity CHECK (capacity > 0),
  refill_per_second double precision NOT NULL CONSTRAINT graph_budget_buckets_refill CHECK (refill_per_second > 0),
  -- What the last lease took, for the statement's answer.
  last_granted double precision NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
