// Users across tenants: search as you type, filters, sorting, a column choice, CSV export and a selection for
// bulk jobs, over the directory cache's search: a first page of 500, then pages of 2,500 read ahead.
import { Field, makeStyles, SearchBox, Spinner, Text, Title2, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useSearchParams } from "wouter";
import { maxSearchTextLength, type UserSearchSort } from "../../../../src/directory/search-query.ts";
import { ApiError } from "../../api/api-client.ts";
import type { QueryClient } from "@tanstack/react-query";
import { type UsersSearch, usersSearchQuery, useRoleNames, useUsersSearch } from "../../api/users-search.ts";
import { ErrorBar } from "../../app/error-bar.tsx";
import { allTenants, storedTenant, useTenantScope } from "../../app/tenant-scope.tsx";
import { BulkJobButton } from "./bulk-job-button.tsx";
import { ColumnChooser } from "./column-chooser.tsx";
import { useColumnChoice } from "./column-choice.ts";
import { CsvExport } from "./csv-export.tsx";
import { useDebounced } from "../../app/use-debounced.ts";
import { useReadAhead } from "./read-ahead.ts";
import { noSelection, type RowSelection } from "./row-selection.ts";
import { UsersFilterBar } from "./users-filters.tsx";
import { UsersGrid } from "./users-grid.tsx";
import { filtersOf, paramsOf, searchTextOf, type UsersFilters } from "./users-search-params.ts";

/**
 * Rows loaded ahead of the scroll, a page after another, once a search has answered: up to 10,000 (about 5 MB),
 * so that End and fast scrolling land on rows already there. Beyond that, the next page loads as the end comes near.
 */
const readAheadRows = 10_000;

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, height: "calc(100vh - 92px)", minHeight: "520px" },
  titleRow: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalL },
  title: { margin: 0 },
  count: { color: tokens.colorNeutralForeground2, display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  search: { width: "340px", maxWidth: "100%" },
  spacer: { flexGrow: 1 },
});

const emptyRoleNames: ReadonlyMap<string, string> = new Map();

function searchOf(params: URLSearchParams, tenant: string): UsersSearch {
  return { ...filtersOf(params), text: searchTextOf(params), ...(tenant === allTenants ? {} : { tenantId: tenant }) };
}

/** A visit that opens on this page asks for its first users beside the sign-in check, not after it. */
export function prefetch(client: QueryClient): void {
  void client.prefetchInfiniteQuery(usersSearchQuery(searchOf(new URLSearchParams(window.location.search), storedTenant())));
}

export default function UsersPage() {
  const styles = useStyles();
  const [params, setParams] = useSearchParams();
  const { tenant } = useTenantScope();
  const filters = useMemo(() => filtersOf(params), [params]);
  const searchedText = searchTextOf(params);
  const [typed, setTyped] = useState(searchedText);
  const settledText = useDebounced(typed, 200);

  const setSearch = useCallback((text: string, next: UsersFilters) => setParams(paramsOf(text, next), { replace: true }), [setParams]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: what was typed goes into the address once it settles
  useEffect(() => {
    if (settledText !== searchedText) setSearch(settledText, filters);
  }, [settledText]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the address changed by Back or a link, not by typing
  useEffect(() => {
    if (searchedText !== settledText) setTyped(searchedText);
  }, [searchedText]);

  const search = useMemo(() => searchOf(params, tenant), [params, tenant]);
  const searchKey = JSON.stringify(search);
  const result = useUsersSearch(search);
  const { data, hasNextPage, isFetching, isPlaceholderData, isFetchNextPageError, fetchNextPage } = result;
  const pages = useMemo(() => data?.pages ?? [], [data]);
  const rows = useMemo(() => pages.flatMap((page) => page.value), [pages]);

  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetching && !isPlaceholderData && !isFetchNextPageError) void fetchNextPage();
  }, [hasNextPage, isFetching, isPlaceholderData, isFetchNextPageError, fetchNextPage]);
  useReadAhead(search, searchKey, readAheadRows);

  const { shown, shownIds, choose } = useColumnChoice();
  const roleNames = useRoleNames(shownIds.includes("adminRoles")).data ?? emptyRoleNames;

  const [chosen, setChosen] = useState<{ readonly key: string; readonly selection: RowSelection }>({ key: searchKey, selection: noSelection });
  const selection = chosen.key === searchKey ? chosen.selection : noSelection;
  const setSelection = useCallback((next: RowSelection) => setChosen({ key: searchKey, selection: next }), [searchKey]);

  const onFilters = useCallback((next: UsersFilters) => setSearch(searchedText, next), [setSearch, searchedText]);
  const onSort = (sort: UserSearchSort) => setSearch(searchedText, { ...filters, sort, order: filters.sort === sort && filters.order === "asc" ? "desc" : "asc" });

  const error = result.error;
  const field = error instanceof ApiError ? error.detail.field : undefined;
  const everyRowLoaded = !hasNextPage && !isPlaceholderData && data !== undefined;
  const countText = data === undefined ? "Loading users" : `${rows.length.toLocaleString()} ${rows.length === 1 ? "user" : "users"} loaded${hasNextPage ? ", more match" : ", all that match"}`;

  return (
    <div className={styles.page}>
      <div className={styles.titleRow}>
        <Title2 as="h1" className={styles.title}>
          Users
        </Title2>
        <Text className={styles.count} aria-live="polite" aria-busy={isFetching}>
          {countText}
          {isFetching ? <Spinner size="extra-tiny" aria-label="Loading" /> : null}
        </Text>
      </div>
      <div className={styles.toolbar}>
        <Field label="Search" validationMessage={field === "q" ? error?.message : undefined} validationState={field === "q" ? "error" : "none"}>
          <SearchBox className={styles.search} value={typed} maxLength={maxSearchTextLength} placeholder="Name, user name or mail" onChange={(_, data) => setTyped(data.value)} />
        </Field>
        <span className={styles.spacer} />
        <ColumnChooser shownIds={shownIds} onChange={choose} />
        <CsvExport search={search} loaded={isPlaceholderData ? [] : pages} columns={shown} roleNames={roleNames} />
        <BulkJobButton selection={selection} rows={rows} everyRowLoaded={everyRowLoaded} search={search} />
      </div>
      <UsersFilterBar filters={filters} skuError={field === "sku" ? error?.message : undefined} onChange={onFilters} />
      {error && field !== "q" && field !== "sku" ? <ErrorBar error={error} title="The users could not be listed" /> : null}
      <UsersGrid
        rows={rows}
        columns={shown}
        roleNames={roleNames}
        sort={filters.sort}
        order={filters.order}
        onSort={onSort}
        selection={selection}
        onSelection={setSelection}
        moreExist={hasNextPage}
        onNearEnd={loadMore}
        searchKey={searchKey}
        emptyText={data === undefined ? (error ? "No users: see the error above." : "Loading users…") : "No users match this search."}
      />
    </div>
  );
}
