-- The directory sync (src/directory/): one sync per tenant at a time, held by a lease that the syncing process
-- renews with every page it writes (a lease left by a dead process lapses), and what the last sync did.

ALTER TABLE directory_sync_state
  ADD COLUMN lease_id uuid,
  ADD COLUMN lease_renewed_at timestamptz,
  ADD COLUMN last_kind text CHECK (last_kind IN ('full', 'delta')),
  ADD COLUMN last_duration_ms integer,
  -- Users and groups written or removed by the last sync (every one for a full sync, the changed ones for a delta).
  ADD COLUMN last_changes integer,
  ADD COLUMN deleted_users integer NOT NULL DEFAULT 0,
  ADD COLUMN group_members integer NOT NULL DEFAULT 0,
  ADD COLUMN skus integer NOT NULL DEFAULT 0,
  ADD COLUMN role_assignments integer NOT NULL DEFAULT 0;
