-- The directory cache (src/directory/): every connected tenant's users, groups with members, subscribed SKUs
-- and admin role assignments, kept current by delta queries, for search across tenants and bulk selections.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE directory_users (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL,
  user_principal_name text NOT NULL,
  display_name text,
  mail text,
  account_enabled boolean,
  user_type text,
  synced boolean NOT NULL DEFAULT false,
  job_title text,
  department text,
  usage_location text,
  -- Assigned licences (skuId), direct or through groups.
  sku_ids uuid[] NOT NULL DEFAULT '{}',
  -- Template ids of the user's directory roles (direct assignments).
  admin_role_ids text[] NOT NULL DEFAULT '{}',
  -- Lower-cased display name, user principal name and mail, for prefix and substring search.
  search_text text GENERATED ALWAYS AS (lower(coalesce(display_name, '') || ' ' || user_principal_name || ' ' || coalesce(mail, ''))) STORED,
  -- Set while the user is among deleted items (restorable for 30 days).
  deleted_at timestamptz,
  cached_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX directory_users_search ON directory_users USING gin (search_text gin_trgm_ops);
CREATE INDEX directory_users_display_name ON directory_users (lower(display_name) text_pattern_ops, id);
CREATE INDEX directory_users_upn ON directory_users (lower(user_principal_name) text_pattern_ops);
CREATE INDEX directory_users_mail ON directory_users (lower(mail) text_pattern_ops);
CREATE INDEX directory_users_sort ON directory_users (lower(coalesce(display_name, '')), tenant_id, id);
CREATE INDEX directory_users_skus ON directory_users USING gin (sku_ids);

CREATE TABLE directory_groups (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL,
  display_name text,
  mail text,
  group_types text[] NOT NULL DEFAULT '{}',
  security_enabled boolean,
  mail_enabled boolean,
  synced boolean NOT NULL DEFAULT false,
  is_assignable_to_role boolean NOT NULL DEFAULT false,
  sku_ids uuid[] NOT NULL DEFAULT '{}',
  deleted_at timestamptz,
  cached_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX directory_groups_name ON directory_groups (tenant_id, lower(display_name) text_pattern_ops);

CREATE TABLE directory_group_members (
  tenant_id uuid NOT NULL,
  group_id uuid NOT NULL,
  member_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, group_id, member_id)
);
CREATE INDEX directory_group_members_member ON directory_group_members (tenant_id, member_id);

CREATE TABLE directory_skus (
  tenant_id uuid NOT NULL,
  sku_id uuid NOT NULL,
  sku_part_number text NOT NULL,
  capability_status text,
  enabled_units integer NOT NULL DEFAULT 0,
  consumed_units integer NOT NULL DEFAULT 0,
  service_plans jsonb NOT NULL DEFAULT '[]',
  cached_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, sku_id)
);

CREATE TABLE directory_role_assignments (
  tenant_id uuid NOT NULL,
  id text NOT NULL,
  principal_id uuid NOT NULL,
  role_definition_id text NOT NULL,
  directory_scope_id text NOT NULL DEFAULT '/',
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX directory_role_assignments_principal ON directory_role_assignments (tenant_id, principal_id);

-- Per tenant: where the delta queries stand, and how the last sync went.
CREATE TABLE directory_sync_state (
  tenant_id uuid PRIMARY KEY,
  users_delta_link text,
  groups_delta_link text,
  last_full_sync_at timestamptz,
  last_success_at timestamptz,
  last_error jsonb,
  last_error_at timestamptz,
  running_since timestamptz,
  users integer NOT NULL DEFAULT 0,
  groups integer NOT NULL DEFAULT 0
);
