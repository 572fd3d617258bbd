-- Search across tenants (src/directory/search-*.ts) at a million users: each sort has an index that pages
-- through it, administrators and deleted users are found directly, and one or two typed characters stay fast.

CREATE INDEX directory_users_upn_sort ON directory_users (lower(user_principal_name), tenant_id, id);
CREATE INDEX directory_users_tenant_sort ON directory_users (tenant_id, lower(coalesce(display_name, '')), id);
CREATE INDEX directory_users_admins ON directory_users (tenant_id) WHERE admin_role_ids <> '{}';
CREATE INDEX directory_users_deleted ON directory_users (tenant_id) WHERE deleted_at IS NOT NULL;
-- A search asks PostgreSQL how many users its text matches, to choose how to find them: a finer sample of the
-- searched text makes that count closer.
ALTER TABLE directory_users ALTER COLUMN search_text SET STATISTICS 1000;

-- A one- or two-character search matches the start of the display name, user principal name or mail. The
-- users whose sorted property starts so are a range of the sort index; the others are the users for whom
-- another property starts with those characters and the sorted one does not. This function names them:
-- 'n:', 'u:' or 'm:' and the first one or two characters of the display name, user principal name or mail,
-- for each start that the display name or user principal name does not share. Usually (first.last@) it is
-- empty, so the index stays small.
-- (Written as one expression, so that PostgreSQL inlines it.)
CREATE FUNCTION directory_user_prefix_terms(display_name text, user_principal_name text, mail text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT array_remove(ARRAY[
    CASE WHEN char_length(lower(coalesce(display_name, ''))) >= 1 AND left(lower(coalesce(display_name, '')), 1) <> left(lower(user_principal_name), 1) THEN 'n:' || left(lower(coalesce(display_name, '')), 1) END,
    CASE WHEN char_length(lower(coalesce(display_name, ''))) >= 2 AND left(lower(coalesce(display_name, '')), 2) <> left(lower(user_principal_name), 2) THEN 'n:' || left(lower(coalesce(display_name, '')), 2) END,
    CASE WHEN char_length(lower(user_principal_name)) >= 1 AND left(lower(user_principal_name), 1) <> left(lower(coalesce(display_name, '')), 1) THEN 'u:' || left(lower(user_principal_name), 1) END,
    CASE WHEN char_length(lower(user_principal_name)) >= 2 AND left(lower(user_principal_name), 2) <> left(lower(coalesce(display_name, '')), 2) THEN 'u:' || left(lower(user_principal_name), 2) END,
    CASE WHEN char_length(lower(mail)) >= 1 AND left(lower(mail), 1) <> left(lower(coalesce(display_name, '')), 1) AND left(lower(mail), 1) <> left(lower(user_principal_name), 1) THEN 'm:' || left(lower(mail), 1) END,
    CASE WHEN char_length(lower(mail)) >= 2 AND left(lower(mail), 2) <> left(lower(coalesce(display_name, '')), 2) AND left(lower(mail), 2) <> left(lower(user_principal_name), 2) THEN 'm:' || left(lower(mail), 2) END
  ], NULL) $$;

CREATE INDEX directory_users_prefix_terms ON directory_users USING gin (directory_user_prefix_terms(display_name, user_principal_name, mail));
