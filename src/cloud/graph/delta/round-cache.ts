import type { ChangeJournal } from "../../directory/change-journal.ts";

/** Enough for a few clients paging at once; a miss only costs recomputing. */
const ENTRIES_PER_TENANT = 8;

const caches = new WeakMap<ChangeJournal, Map<string, unknown>>();

/**
 * What one round of a delta query computes once and reads on every page (the sorted ids of changed objects, the
 * sorted members of a large group), kept per tenant, least recently used first out. Pages resume after an id, not
 * at a position, so a result recomputed after eviction differs only by changes made since the round began, which
 * the next round reports anyway.
 */
export function roundCached<T>(journal: ChangeJournal, key: string, compute: () => T): T {
  let cache = caches.get(journal);
  if (!cache) {
    cache = new Map();
    caches.set(journal, cache);
  }
  if (cache.has(key)) {
    const value = cache.get(key) as T;
    cache.delete(key);
    cache.set(key, value);
    return value;
  }
  const value = compute();
  cache.set(key, value);
  if (cache.size > ENTRIES_PER_TENANT) cache.delete(cache.keys().next().value!);
  return value;
}
