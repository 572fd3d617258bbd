// Reading Graph collections: one page for a caller who pages with a cursor, or every page for a
// bounded collection (a user's groups, role assignments, subscribed SKUs).
import { GraphRequestError } from "../../graph/graph-errors.ts";
import type { ActionContext } from "../action-executor.ts";
import { cursorFromNextLink, needsEventualConsistency, nextPathOf, type PagedCollection, pathFromCursor } from "./page-cursor.ts";

export interface GraphPage<T> {
  readonly value: T[];
  readonly "@odata.nextLink"?: string;
  readonly "@odata.count"?: number;
}

/** One page of a list as Tenantry's reads answer it. */
export interface ListPage<R> {
  readonly value: R[];
  /** Pass back as `cursor` for the next page; null on the last one. */
  readonly nextCursor: string | null;
  /** How many match in all, when Graph counted them (advanced queries). */
  readonly count?: number;
}

/** Graph's own default page size for directory lists. */
export const defaultPageSize = 100;

const eventual = { ConsistencyLevel: "eventual" };

function headersFor(path: string): Readonly<Record<string, string>> | undefined {
  return needsEventualConsistency(path) ? eventual : undefined;
}

/**
 * The page `firstPath` starts, or the one `cursor` continues (the cursor carries the whole query, so the
 * other list inputs do not apply to it).
 */
export async function readPage<T, R>(context: ActionContext, collection: PagedCollection, firstPath: string, cursor: string | undefined, row: (item: T) => R): Promise<ListPage<R>> {
  const path = cursor === undefined ? firstPath : pathFromCursor(context, collection, cursor);
  const page = (await context.graph.get<GraphPage<T>>(path, headersFor(path))).body;
  return {
    value: page.value.map(row),
    nextCursor: cursorFromNextLink(context, collection, page["@odata.nextLink"]),
    ...(typeof page["@odata.count"] === "number" ? { count: page["@odata.count"] } : {}),
  };
}

/** Tenantry's bound on pages followed for one answer: 50 pages of 999 objects. */
const maxPages = 50;

/** Every item of a collection, following next links that stay in the same collection. */
export async function readAllPages<T>(context: ActionContext, collection: PagedCollection, firstPath: string): Promise<T[]> {
  const items: T[] = [];
  let path: string | null = firstPath;
  for (let pages = 0; path !== null; pages++) {
    if (pages === maxPages) throw new GraphRequestError(502, "tooManyPages", `${collection.path} has more than ${maxPages} pages; Tenantry stopped reading it.`, undefined);
    const page: GraphPage<T> = (await context.graph.get<GraphPage<T>>(path, headersFor(path))).body;
    items.push(...page.value);
    path = nextPathOf(context, collection, page["@odata.nextLink"]);
  }
  return items;
}
