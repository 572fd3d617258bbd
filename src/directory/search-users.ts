// Search across tenants over the cached directory (directory_users): text, filters, a sort, and pages by cursor,
// limited to the tenants the operator sees.
import type { Pool } from "pg";
import type { DirectoryUserRow } from "./users-cache.ts";
import { ActionInputError } from "../actions/action-errors.ts";
import { decodeCursor, encodeCursor, searchFingerprint, type CursorPosition } from "./search-cursor.ts";
import { defaultSearchLimit, maxSearchLimit, maxSearchTextLength, type UserSearch, type UserSearchPage, type UserSearchRow } from "./search-query.ts";
import { partNumbersOf } from "./search-skus.ts";
import { stagesOf } from "./search-estimates.ts";
import { byCodePoint } from "./search-statistics.ts";
import { searchStatement } from "./search-sql.ts";
import { textMatch } from "./search-text.ts";

interface Row extends DirectoryUserRow {
  tenant_name: string;
  k0: string;
  k1: string;
  k2: string;
  k3?: string;
}

function positionOf(row: Row): CursorPosition {
  return row.k3 === undefined ? [row.k0, row.k1, row.k2] : [row.k0, row.k1, row.k2, row.k3];
}

export async function searchUsers(pool: Pick<Pool, "query">, search: UserSearch): Promise<UserSearchPage> {
  const sort = search.sort ?? "displayName";
  const order = search.order ?? "asc";
  const limit = search.limit ?? defaultSearchLimit;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxSearchLimit) throw new ActionInputError("limit", `must be a whole number from 1 to ${maxSearchLimit}`);
  if ((search.text?.length ?? 0) > maxSearchTextLength) throw new ActionInputError("text", `must be at most ${maxSearchTextLength} characters`);
  const text = textMatch(search.text);
  const filters = search.filters ?? {};
  const fingerprint = searchFingerprint({
    text,
    filters: Object.entries(filters)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  });
  const after = search.cursor === undefined ? undefined : decodeCursor(search.cursor, sort, order, fingerprint);
  const { everyTenant, include } = search.visibleTenants;
  if (!everyTenant && include.length === 0) return { value: [], nextCursor: null };
  const plan = { text, visibleTenants: search.visibleTenants, filters, sort, order, rows: limit + 1, after, byCodePoint: await byCodePoint(pool) };
  const statement = searchStatement({ ...plan, stages: await stagesOf(pool, plan) });
  const { rows } = await pool.query<Row>(statement.text, statement.values);
  const page = rows.slice(0, limit);
  const names = await partNumbersOf(pool, page.map((r) => ({ tenantId: r.tenant_id, skuIds: r.sku_ids })));
  const value = page.map(
    (r): UserSearchRow => ({
      tenantId: r.tenant_id,
      tenantName: r.tenant_name,
      id: r.id,
      userPrincipalName: r.user_principal_name,
      displayName: r.display_name,
      mail: r.mail,
      accountEnabled: r.account_enabled,
      userType: r.user_type,
      synced: r.synced,
      jobTitle: r.job_title,
      department: r.department,
      usageLocation: r.usage_location,
      skuIds: r.sku_ids,
      licenses: r.sku_ids.map((id) => names.get(id) ?? id),
      adminRoleIds: r.admin_role_ids,
      deletedAt: r.deleted_at?.toISOString() ?? null,
    }),
  );
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor(sort, order, fingerprint, positionOf(last)) : null;
  return { value, nextCursor };
}
