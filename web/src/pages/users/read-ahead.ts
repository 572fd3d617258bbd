import { type InfiniteData, InfiniteQueryObserver, type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { type UsersPage, type UsersSearch, usersSearchQuery } from "../../api/users-search.ts";

/** The search the users page shows: reading ahead for any other stops at its next page. */
let shown: string | undefined;
const reading = new Set<string>();

const loaded = (data: InfiniteData<UsersPage> | undefined) => data?.pages.reduce((sum, page) => sum + page.value.length, 0) ?? 0;

async function readAhead(client: QueryClient, search: UsersSearch, key: string, rows: number): Promise<void> {
  const options = usersSearchQuery(search);
  const observer = new InfiniteQueryObserver(client, options);
  try {
    await client.ensureInfiniteQueryData(options);
    for (;;) {
      const data = client.getQueryData(options.queryKey);
      if (shown !== key || !data?.pages.at(-1)?.nextCursor || loaded(data) >= rows) return;
      if ((await observer.fetchNextPage({ cancelRefetch: false })).isError) return;
    }
  } finally {
    observer.destroy();
  }
}

/**
 * For each new search, loads its pages one after another until `rows` are loaded, each as soon as the one
 * before has arrived. It starts as the page renders (like the first page's prefetch), not once the page is on
 * screen: React may hold a lazily loaded page back for a few hundred milliseconds after its fallback showed.
 */
export function useReadAhead(search: UsersSearch, key: string, rows: number): void {
  const client = useQueryClient();
  shown = key;
  if (!reading.has(key)) {
    reading.add(key);
    void readAhead(client, search, key, rows)
      .catch(() => undefined)
      .finally(() => reading.delete(key));
  }
  useEffect(() => {
    shown = key;
    return () => {
      if (shown === key) shown = undefined;
    };
  }, [key]);
}
