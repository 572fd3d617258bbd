// The users of every tenant the operator sees, as the directory cache's search finds them, a page at a time.
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery, usePrefetchInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { rowSchema } from "../../../src/api/search-routes.ts";
import { maxSearchLimit, type SortOrder, type UserSearchSort } from "../../../src/directory/search-query.ts";
import { rolesQuery } from "./access-roles.ts";
import { api, withQuery } from "./api-client.ts";

export type UserRow = z.infer<typeof rowSchema>;

export interface UsersPage {
  readonly value: readonly UserRow[];
  readonly nextCursor: string | null;
}

/** A search as the console asks it; a filter left undefined matches either way. */
export interface UsersSearch {
  readonly text: string;
  readonly tenantId?: string;
  readonly enabled?: boolean;
  readonly licensed?: boolean;
  /** A SKU part number such as SPE_E3, or a SKU id. */
  readonly sku?: string;
  readonly synced?: boolean;
  readonly guest?: boolean;
  readonly adminsOnly: boolean;
  readonly sort: UserSearchSort;
  readonly order: SortOrder;
}

/** The first page: enough to fill the screen at once. */
export const firstPageSize = 500;
/** The pages read ahead, as large as the API gives: fewer round trips. */
export const usersPageSize = maxSearchLimit;

export function usersSearchPath(search: UsersSearch, cursor?: string): string {
  return withQuery("/api/users/search", {
    q: search.text.trim(),
    tenant: search.tenantId,
    enabled: search.enabled,
    licensed: search.licensed,
    sku: search.sku?.trim(),
    synced: search.synced,
    guest: search.guest,
    adminRole: search.adminsOnly ? "any" : undefined,
    sort: search.sort,
    order: search.order,
    limit: cursor ? usersPageSize : firstPageSize,
    cursor,
  });
}

export function fetchUsersPage(search: UsersSearch, cursor: string | undefined, signal?: AbortSignal): Promise<UsersPage> {
  return api<UsersPage>("GET", usersSearchPath(search, cursor), signal ? { signal } : {});
}

export const usersSearchQuery = (search: UsersSearch) =>
  infiniteQueryOptions({
    queryKey: ["users-search", search],
    queryFn: ({ pageParam, signal }) => fetchUsersPage(search, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: UsersPage) => last.nextCursor ?? undefined,
    staleTime: 30_000,
  });

/**
 * The search's pages loaded so far; the previous search's rows stay shown until the new ones arrive. The first
 * page is asked for as the page renders, not after.
 */
export function useUsersSearch(search: UsersSearch) {
  const options = usersSearchQuery(search);
  usePrefetchInfiniteQuery(options);
  return useInfiniteQuery({ ...options, placeholderData: keepPreviousData });
}

/** Entra's role names by template id, for the admin roles users hold. */
export function useRoleNames(enabled: boolean) {
  return useQuery({
    ...rolesQuery,
    select: (roles) => new Map(roles.filter((r) => r.kind === "entra").map((r) => [r.id.toLowerCase(), r.name])),
    enabled,
  });
}
