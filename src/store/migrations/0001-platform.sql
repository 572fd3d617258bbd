-- The platform's own application and the tenants connected to it.
-- Secrets are stored sealed (AES-256-GCM, src/secrets/secret-box.ts), never in plain text.

-- Keeps updated_at current on every UPDATE, so no caller has to remember it.
CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;

-- The multi-tenant Entra application Tenantry signs in as. Exactly one row.
CREATE TABLE platform_app (
  singleton boolean PRIMARY KEY DEFAULT true CONSTRAINT platform_app_is_single_row CHECK (singleton),
  client_id uuid NOT NULL,
  -- The tenant the application is registered in: its id or a verified domain.
  home_tenant text NOT NULL CONSTRAINT platform_app_home_tenant_length CHECK (char_length(home_tenant) BETWEEN 1 AND 256),
  -- Which Microsoft cloud: {"kind": "global" | "usgov" | "china" | "local", "url"?: string, "caPem"?: string};
  -- the local cloud needs its url. (coalesce: a CHECK that yields NULL would pass.)
  cloud jsonb NOT NULL CONSTRAINT platform_app_cloud_shape CHECK (
    jsonb_typeof(cloud) = 'object'
    AND coalesce(cloud->>'kind', '') IN ('global', 'usgov', 'china', 'local')
    AND coalesce(jsonb_typeof(cloud->'url'), 'string') = 'string'
    AND coalesce(jsonb_typeof(cloud->'caPem'), 'string') = 'string'
    AND (cloud->>'kind' <> 'local' OR cloud->'url' IS NOT NULL)
  ),
  credential_kind text NOT NULL CONSTRAINT platform_app_credential_kind CHECK (credential_kind IN ('secret', 'certificate')),
  -- The sealed client secret, or the sealed private key and certificate.
  credential_encrypted bytea NOT NULL,
  certificate_thumbprint text CONSTRAINT platform_app_certificate_thumbprint_length CHECK (char_length(certificate_thumbprint) BETWEEN 1 AND 128),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT platform_app_thumbprint_with_certificate CHECK ((credential_kind = 'certificate') = (certificate_thumbprint IS NOT NULL))
);

CREATE TRIGGER platform_app_touch_updated_at BEFORE UPDATE ON platform_app
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- A customer tenant connected to the platform application.
CREATE TABLE tenant_connections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL CONSTRAINT tenant_connections_tenant_id_unique UNIQUE,
  -- Null until the tenant's organization has been read once.
  display_name text CONSTRAINT tenant_connections_display_name_length CHECK (char_length(display_name) <= 256),
  default_domain text CONSTRAINT tenant_connections_default_domain_length CHECK (char_length(default_domain) BETWEEN 1 AND 255),
  verified_domains text[] NOT NULL DEFAULT '{}',
  connected_via text NOT NULL CONSTRAINT tenant_connections_connected_via CHECK (connected_via IN ('consent', 'manual')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- The latest health check: when, what it found, and the error if it failed.
  last_check_at timestamptz,
  last_check jsonb CONSTRAINT tenant_connections_last_check_object CHECK (jsonb_typeof(last_check) = 'object'),
  last_error jsonb CONSTRAINT tenant_connections_last_error_object CHECK (jsonb_typeof(last_error) = 'object')
);

CREATE TRIGGER tenant_connections_touch_updated_at BEFORE UPDATE ON tenant_connections
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

CREATE INDEX tenant_connections_default_domain ON tenant_connections (lower(default_domain));

-- An admin-consent round trip in progress: `state` is sent to Microsoft and comes back on the redirect.
CREATE TABLE consent_requests (
  state text PRIMARY KEY CONSTRAINT consent_requests_state_length CHECK (char_length(state) BETWEEN 16 AND 128),
  -- The tenant the administrator said they consent for (id or domain), if any.
  tenant_hint text CONSTRAINT consent_requests_tenant_hint_length CHECK (char_length(tenant_hint) BETWEEN 1 AND 256),
  module text NOT NULL CONSTRAINT consent_requests_module_length CHECK (char_length(module) BETWEEN 1 AND 64),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  CONSTRAINT consent_requests_expire_after_creation CHECK (expires_at > created_at)
);

CREATE INDEX consent_requests_expires_at ON consent_requests (expires_at);
