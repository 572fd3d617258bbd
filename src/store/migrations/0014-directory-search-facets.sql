-- Search across tenants (src/directory/search-*.ts) finds the users of a part of a search through one GIN index
-- that holds, beside the searched text's trigrams, what else narrows the part: the tenant, the rarer filters, the
-- first one or two characters of the display name and user principal name, and the starts of migration 0012.
-- PostgreSQL intersects them inside the index, so that a search reads only the users it may show: those of the
-- tenants it looks at, of the filters it asks for, and of the stretch of the sort order a page needs (the first
-- characters of the sorted property stand for that stretch).

-- Filters as words: only those that pick out few users, or (synced, cloud) split one tenant's users.
CREATE FUNCTION directory_user_flags(account_enabled boolean, synced boolean, user_type text, sku_ids uuid[], admin_role_ids text[], deleted_at timestamptz)
  RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT array_remove(ARRAY[
    CASE WHEN NOT account_enabled THEN 'disabled' END,
    CASE WHEN synced THEN 'synced' ELSE 'cloud' END,
    CASE WHEN user_type = 'Guest' THEN 'guest' END,
    CASE WHEN sku_ids = '{}' THEN 'unlicensed' END,
    CASE WHEN admin_role_ids <> '{}' THEN 'admin' END,
    CASE WHEN deleted_at IS NOT NULL THEN 'deleted' END
  ], NULL) $$;

-- The first character ('n' and it) and the first two ('N' and them) of the lower-cased display name ('n' and 'N'
-- alone when there is none). So that a search can name a stretch of the sort order in a few words, a name whose
-- first character is not a letter a-z also has 'g<' (below 'a'), 'g>' (above 'z', to U+007F) or 'g+' (beyond),
-- and one starting with a letter whose second character is not, 'G', the letter and '<', '>' or '+' likewise. The
-- same for the user principal name ('u', 'U', 'h', 'H').
-- (Written out twice, as single expressions, so that PostgreSQL inlines them.)
CREATE FUNCTION directory_user_name_starts(display_name text)
  RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT array_remove(ARRAY[
    'n' || left(lower(coalesce(display_name, '')), 1),
    'N' || left(lower(coalesce(display_name, '')), 2),
    CASE WHEN lower(coalesce(display_name, '')) = '' OR ascii(lower(coalesce(display_name, ''))) BETWEEN 97 AND 122 THEN NULL
         ELSE 'g' || CASE WHEN ascii(lower(coalesce(display_name, ''))) < 97 THEN '<' WHEN ascii(lower(coalesce(display_name, ''))) < 128 THEN '>' ELSE '+' END END,
    CASE WHEN ascii(lower(coalesce(display_name, ''))) NOT BETWEEN 97 AND 122 OR char_length(lower(coalesce(display_name, ''))) < 2 OR ascii(substr(lower(coalesce(display_name, '')), 2)) BETWEEN 97 AND 122 THEN NULL
         ELSE 'G' || left(lower(coalesce(display_name, '')), 1) || CASE WHEN ascii(substr(lower(coalesce(display_name, '')), 2)) < 97 THEN '<' WHEN ascii(substr(lower(coalesce(display_name, '')), 2)) < 128 THEN '>' ELSE '+' END END
  ], NULL) $$;

CREATE FUNCTION directory_user_upn_starts(user_principal_name text)
  RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT array_remove(ARRAY[
    'u' || left(lower(user_principal_name), 1),
    'U' || left(lower(user_principal_name), 2),
    CASE WHEN lower(user_principal_name) = '' OR ascii(lower(user_principal_name)) BETWEEN 97 AND 122 THEN NULL
         ELSE 'h' || CASE WHEN ascii(lower(user_principal_name)) < 97 THEN '<' WHEN ascii(lower(user_principal_name)) < 128 THEN '>' ELSE '+' END END,
    CASE WHEN ascii(lower(user_principal_name)) NOT BETWEEN 97 AND 122 OR char_length(lower(user_principal_name)) < 2 OR ascii(substr(lower(user_principal_name), 2)) BETWEEN 97 AND 122 THEN NULL
         ELSE 'H' || left(lower(user_principal_name), 1) || CASE WHEN ascii(substr(lower(user_principal_name), 2)) < 97 THEN '<' WHEN ascii(substr(lower(user_principal_name), 2)) < 128 THEN '>' ELSE '+' END END
  ], NULL) $$;

-- Each column apart, so that checking a found user again (as a trigram search must) computes only what was asked.
CREATE INDEX directory_users_find ON directory_users USING gin (
  search_text gin_trgm_ops,
  (ARRAY[tenant_id]),
  directory_user_flags(account_enabled, synced, user_type, sku_ids, admin_role_ids, deleted_at),
  sku_ids,
  directory_user_name_starts(display_name),
  directory_user_upn_starts(user_principal_name),
  directory_user_prefix_terms(display_name, user_principal_name, mail)
);

-- The index above answers what these did; the pattern indexes of migration 0008 served no query.
DROP INDEX directory_users_search;
DROP INDEX directory_users_skus;
DROP INDEX directory_users_prefix_terms;
DROP INDEX directory_users_display_name;
DROP INDEX directory_users_upn;
DROP INDEX directory_users_mail;

-- Searches ask PostgreSQL how many users each part matches: it needs the statistics of the new index's expressions.
ANALYZE directory_users;
