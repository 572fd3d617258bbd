-- Search across tenants (src/directory/search-estimates.ts) asks PostgreSQL how many users start with the text
-- in the sorted name, to tell them from the users who hold it elsewhere: a finer sample of those starts (the
-- sort indexes' expressions) makes that count closer.
ALTER INDEX directory_users_sort ALTER COLUMN 1 SET STATISTICS 1000;
ALTER INDEX directory_users_upn_sort ALTER COLUMN 1 SET STATISTICS 1000;
ALTER INDEX directory_users_tenant_sort ALTER COLUMN 2 SET STATISTICS 1000;
