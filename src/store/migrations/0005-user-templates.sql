-- User templates: named defaults for new users (domain, usage location, organisation properties, licences,
-- groups), applied by src/actions/user-onboarding.ts. The defaults are validated by src/actions/user-template-schema.ts.
CREATE TABLE user_templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Lower-case letters, digits and single dashes; how operators, the API and the audit log name the template.
  name text NOT NULL CONSTRAINT user_templates_name_unique UNIQUE CONSTRAINT user_templates_name_shape CHECK (name ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(name) <= 64),
  -- {"description"?, "domain"?, "usageLocation"?, "properties": {...}, "accountEnabled"?, "forceChangePasswordNextSignIn"?, "licenses": [...], "groups": [...]}
  defaults jsonb NOT NULL CONSTRAINT user_templates_defaults_object CHECK (
    jsonb_typeof(defaults) = 'object'
    AND coalesce(jsonb_typeof(defaults->'properties'), '') = 'object'
    AND coalesce(jsonb_typeof(defaults->'licenses'), '') = 'array'
    AND coalesce(jsonb_typeof(defaults->'groups'), '') = 'array'
    AND octet_length(defaults::text) <= 65536
  ),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER user_templates_touch_updated_at BEFORE UPDATE ON user_templates
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
