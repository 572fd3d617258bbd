// The search in the page's address (?q=...&guest=true&sort=...), so that Back returns to it and a link shares it.
// The tenant is the console's tenant scope, not part of the address.
import { maxSearchTextLength, userSearchSorts, type UserSearchSort } from "../../../../src/directory/search-query.ts";
import type { UsersSearch } from "../../api/users-search.ts";

export type UsersFilters = Omit<UsersSearch, "text" | "tenantId">;

export const maxSkuLength = 64;

const yesNo = (value: string | null): boolean | undefined => (value === "true" ? true : value === "false" ? false : undefined);

function isSort(value: string | null): value is UserSearchSort {
  return (userSearchSorts as readonly (string | null)[]).includes(value);
}

export function searchTextOf(params: URLSearchParams): string {
  return (params.get("q") ?? "").slice(0, maxSearchTextLength);
}

export function filtersOf(params: URLSearchParams): UsersFilters {
  const sort = params.get("sort");
  const sku = params.get("sku")?.trim().slice(0, maxSkuLength);
  return {
    enabled: yesNo(params.get("enabled")),
    licensed: yesNo(params.get("licensed")),
    sku: sku || undefined,
    synced: yesNo(params.get("synced")),
    guest: yesNo(params.get("guest")),
    adminsOnly: params.get("admins") === "true",
    sort: isSort(sort) ? sort : "displayName",
    order: params.get("order") === "desc" ? "desc" : "asc",
  };
}

/** The address's query for this text and these filters; defaults are left out. */
export function paramsOf(text: string, filters: UsersFilters): URLSearchParams {
  const params = new URLSearchParams();
  const set = (name: string, value: string | boolean | undefined) => {
    if (value !== undefined && value !== "") params.set(name, String(value));
  };
  set("q", text);
  set("enabled", filters.enabled);
  set("licensed", filters.licensed);
  set("sku", filters.sku);
  set("synced", filters.synced);
  set("guest", filters.guest);
  if (filters.adminsOnly) set("admins", true);
  if (filters.sort !== "displayName") set("sort", filters.sort);
  if (filters.order !== "asc") set("order", filters.order);
  return params;
}
