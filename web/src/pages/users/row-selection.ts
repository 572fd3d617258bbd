// Which users of the table are selected: some, by key, or every user the search finds (loaded or not).
import type { UserRow, UsersSearch } from "../../api/users-search.ts";
import { withQuery } from "../../api/api-client.ts";

export interface RowSelection {
  readonly all: boolean;
  readonly keys: ReadonlySet<string>;
}

export const noSelection: RowSelection = { all: false, keys: new Set() };

/** Maximum of users a bulk job takes by list; more go as the search itself. */
export const maxListedUsers = 500;

export const rowKey = (row: Pick<UserRow, "tenantId" | "id">): string => `${row.tenantId}:${row.id}`;

export function isSelected(selection: RowSelection, row: UserRow): boolean {
  return selection.all || selection.keys.has(rowKey(row));
}

/** The selection with this row switched; leaving "all" keeps every loaded row but this one. */
export function toggled(selection: RowSelection, row: UserRow, rows: readonly UserRow[]): RowSelection {
  const key = rowKey(row);
  if (selection.all) return { all: false, keys: new Set(rows.map(rowKey).filter((k) => k !== key)) };
  const keys = new Set(selection.keys);
  if (!keys.delete(key)) keys.add(key);
  return { all: false, keys };
}

export type BulkJobTarget = { readonly path: string } | { readonly reason: string };

/**
 * Where the jobs page starts a bulk job over the selection: `/jobs?users=<tenantId:userId,...>`, or for every
 * user of a search beyond the first 500, `/jobs?search=<the search, as POST /api/jobs takes it>`.
 */
export function bulkJobTarget(selection: RowSelection, rows: readonly UserRow[], everyRowLoaded: boolean, search: UsersSearch): BulkJobTarget {
  if (selection.all && everyRowLoaded && rows.length <= maxListedUsers) {
    if (rows.length === 0) return { reason: "No users match the search." };
    return { path: withQuery("/jobs", { users: rows.map(rowKey).join(",") }) };
  }
  if (selection.all) {
    if (search.sku) return { reason: "A bulk job over a whole search cannot filter by SKU: select up to 500 users instead, or filter by licensed." };
    const text = search.text.trim();
    const jobSearch = {
      ...(text ? { text } : {}),
      tenantId: search.tenantId,
      enabled: search.enabled,
      licensed: search.licensed,
      synced: search.synced,
      guest: search.guest,
      ...(search.adminsOnly ? { adminRole: "any" } : {}),
    };
    return { path: withQuery("/jobs", { search: JSON.stringify(jobSearch) }) };
  }
  if (selection.keys.size === 0) return { reason: "Select users for a bulk job." };
  if (selection.keys.size > maxListedUsers) return { reason: `Select up to ${maxListedUsers} users, or select every user the search finds.` };
  return { path: withQuery("/jobs", { users: [...selection.keys].join(",") }) };
}
