-- Technician access (src/access/): operators, their role assignments with scopes, custom roles, tenant groups.

CREATE TABLE operators (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- 'person': signs in with Entra ID in the MSP's tenant; 'bootstrap': the first-run operator, API token only.
  kind text NOT NULL CONSTRAINT operators_kind CHECK (kind IN ('person', 'bootstrap')),
  entra_tenant_id uuid,
  -- Filled at the first sign-in; the user principal name finds the operator until then.
  entra_object_id uuid,
  user_principal_name text NOT NULL CONSTRAINT operators_upn_length CHECK (char_length(user_principal_name) BETWEEN 1 AND 256),
  display_name text CONSTRAINT operators_display_name_length CHECK (char_length(display_name) <= 256),
  created_at timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz,
  CONSTRAINT operators_entra_identity UNIQUE (entra_tenant_id, entra_object_id)
);
CREATE UNIQUE INDEX operators_upn ON operators (lower(user_principal_name));

CREATE TABLE tenant_groups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CONSTRAINT tenant_groups_name_length CHECK (char_length(name) BETWEEN 1 AND 128),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX tenant_groups_name ON tenant_groups (lower(name));

CREATE TABLE tenant_group_members (
  group_id uuid NOT NULL REFERENCES tenant_groups (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL,
  PRIMARY KEY (group_id, tenant_id)
);

-- A named subset of Entra role actions.
CREATE TABLE custom_roles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CONSTRAINT custom_roles_name_length CHECK (char_length(name) BETWEEN 1 AND 128),
  description text CONSTRAINT custom_roles_description_length CHECK (char_length(description) <= 1024),
  actions text[] NOT NULL CONSTRAINT custom_roles_some_action CHECK (cardinality(actions) BETWEEN 1 AND 500),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX custom_roles_name ON custom_roles (lower(name));

CREATE TABLE role_assignments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- An operator (its id), or an Entra security group of the MSP's tenant (its object id): every operator in it.
  principal_kind text NOT NULL CONSTRAINT role_assignments_principal_kind CHECK (principal_kind IN ('operator', 'group')),
  principal_id uuid NOT NULL,
  -- 'entra': a built-in role by template id; 'custom': custom_roles.id; 'platform': platform-administrator or auditor.
  role_kind text NOT NULL CONSTRAINT role_assignments_role_kind CHECK (role_kind IN ('entra', 'custom', 'platform')),
  role_id text NOT NULL CONSTRAINT role_assignments_role_id_length CHECK (char_length(role_id) BETWEEN 1 AND 64),
  scope_kind text NOT NULL CONSTRAINT role_assignments_scope_kind CHECK (scope_kind IN ('tenant', 'tenant-group', 'all', 'all-except')),
  scope_tenant_id uuid,
  scope_group_id uuid REFERENCES tenant_groups (id) ON DELETE CASCADE,
  except_tenant_ids uuid[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT role_assignments_scope_shape CHECK (
    (scope_kind = 'tenant' AND scope_tenant_id IS NOT NULL AND scope_group_id IS NULL)
    OR (scope_kind = 'tenant-group' AND scope_group_id IS NOT NULL AND scope_tenant_id IS NULL)
    OR (scope_kind IN ('all', 'all-except') AND scope_tenant_id IS NULL AND scope_group_id IS NULL)
  ),
  CONSTRAINT role_assignments_platform_scope CHECK (role_kind <> 'platform' OR scope_kind = 'all')
);
CREATE INDEX role_assignments_principal ON role_assignments (principal_id);

-- API tokens now belong to operators, carry scopes and may expire.
ALTER TABLE api_tokens
  ADD COLUMN operator_id uuid REFERENCES operators (id) ON DELETE CASCADE,
  ADD COLUMN scopes text[] NOT NULL DEFAULT '{actions:read,actions:write,audit:read,platform}',
  ADD COLUMN expires_at timestamptz,
  ADD COLUMN last_used_at timestamptz;

-- Tokens made before operators existed belong to the bootstrap operator, who keeps full rights.
INSERT INTO operators (kind, user_principal_name, display_name)
  SELECT 'bootstrap', 'bootstrap', 'Bootstrap administrator' WHERE EXISTS (SELECT 1 FROM api_tokens);
UPDATE api_tokens SET operator_id = (SELECT id FROM operators WHERE kind = 'bootstrap') WHERE operator_id IS NULL;
INSERT INTO role_assignments (principal_kind, principal_id, role_kind, role_id, scope_kind)
  SELECT 'operator', id, 'platform', 'platform-administrator', 'all' FROM operators WHERE kind = 'bootstrap'
  UNION ALL
  SELECT 'operator', id, 'entra', '62e90394-69f5-4237-9190-012177145e10', 'all' FROM operators WHERE kind = 'bootstrap';

-- The Entra groups an operator was in at its last sign-in: its API tokens act with the same group roles.
ALTER TABLE operators ADD COLUMN group_ids uuid[] NOT NULL DEFAULT '{}';
