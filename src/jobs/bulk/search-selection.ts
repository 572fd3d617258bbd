// A bulk job over a search of the directory cache: every user the search finds in the tenants the operator
// sees, taken a page at a time when the job is created.
import type { Pool } from "pg";
import type { OperatorAccess } from "../../access/operator-access.ts";
import type { UserSearch } from "../../directory/search-query.ts";
import { searchUsers } from "../../directory/search-users.ts";
import type { SelectedTarget } from "./bulk-job.ts";

/** A search as a job selection: its text and filters; visibility comes from the operator, paging from here. */
export type SearchSelection = Pick<UserSearch, "text" | "filters">;

/** Up to `limit` users found by the search (one more tells the caller the selection is too large). */
export async function searchSelection(pool: Pick<Pool, "query">, access: Pick<OperatorAccess, "visibility">, search: SearchSelection, limit: number): Promise<SelectedTarget[]> {
  const targets: SelectedTarget[] = [];
  let cursor: string | undefined;
  do {
    const page = await searchUsers(pool, { ...search, visibleTenants: access.visibility(), limit: 500, ...(cursor ? { cursor } : {}) });
    for (const user of page.value) targets.push({ row: targets.length + 1, tenant: user.tenantId, target: user.id });
    cursor = page.nextCursor ?? undefined;
  } while (cursor && targets.length <= limit);
  return targets.slice(0, limit + 1);
}
