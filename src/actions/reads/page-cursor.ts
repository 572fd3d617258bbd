// A list's continuation token. Graph's @odata.nextLink is a full URL; followed blindly, a cursor handed
// back by a caller could send the tenant's token to any host. So the cursor holds only the path and query
// below /v1.0, bound to one tenant and one collection, and is checked again before it is followed.
import { GraphRequestError } from "../../graph/graph-errors.ts";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { ActionInputError } from "../action-errors.ts";
import type { ActionContext } from "../action-executor.ts";

/** The Graph collection a list reads, e.g. "/users" or "/groups/{id}/members" (already encoded). */
export interface PagedCollection {
  readonly path: string;
}

interface CursorContent {
  /** The tenant the list belongs to. */
  readonly t: string;
  /** Path and query below /v1.0, starting with the collection's path. */
  readonly p: string;
}

function graphBase(context: ActionContext): URL {
  return new URL(`${context.tenant.graphUrl.replace(/\/$/, "")}/v1.0`);
}

/** Whether a URL stays on this tenant's Graph, in this collection. */
function sameCollection(context: ActionContext, collection: PagedCollection, url: URL): boolean {
  const base = graphBase(context);
  return url.origin === base.origin && url.pathname.toLowerCase() === `${base.pathname}${collection.path}`.toLowerCase() && url.hash === "";
}

/** The path (below /v1.0) of Graph's @odata.nextLink, which must stay in the collection; null at the last page. */
export function nextPathOf(context: ActionContext, collection: PagedCollection, nextLink: string | undefined): string | null {
  if (!nextLink) return null;
  const url = new URL(nextLink);
  if (!sameCollection(context, collection, url)) throw new GraphRequestError(502, "unexpectedNextLink", `Microsoft Graph answered with a next page outside ${collection.path}: ${url.origin}${url.pathname}`, undefined);
  return `${collection.path}${url.search}`;
}

/** Turns Graph's @odata.nextLink into a cursor; null at the last page. */
export function cursorFromNextLink(context: ActionContext, collection: PagedCollection, nextLink: string | undefined): string | null {
  const path = nextPathOf(context, collection, nextLink);
  if (path === null) return null;
  const content: CursorContent = { t: context.tenant.connection.tenantId, p: path };
  // Compressed: a search repeats its text once per searched property, and cursors are bounded at 4,096 characters.
  return deflateRawSync(JSON.stringify(content)).toString("base64url");
}

/** Tenantry's cursors inflate to a few kilobytes; a crafted one must not inflate to megabytes. */
const maxCursorJson = 64 * 1024;

function invalid(message: string): ActionInputError {
  return new ActionInputError("cursor", `${message} Start the list again without a cursor.`);
}

/** The Graph path (below /v1.0) a cursor continues; refuses anything but this tenant's collection before any request. */
export function pathFromCursor(context: ActionContext, collection: PagedCollection, cursor: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid("The cursor is not one Tenantry gave out.");
  let content: unknown;
  try {
    content = JSON.parse(inflateRawSync(Buffer.from(cursor, "base64url"), { maxOutputLength: maxCursorJson }).toString("utf8"));
  } catch {
    throw invalid("The cursor is not one Tenantry gave out.");
  }
  const { t, p } = (content ?? {}) as Partial<CursorContent>;
  if (typeof t !== "string" || typeof p !== "string") throw invalid("The cursor is not one Tenantry gave out.");
  if (t !== context.tenant.connection.tenantId) throw invalid("The cursor belongs to a list of another tenant.");
  if (!p.startsWith(`${collection.path}?`) || /[\s\\#]/.test(p)) throw invalid("The cursor belongs to another list.");
  const url = new URL(`${graphBase(context).href}${p}`);
  if (!sameCollection(context, collection, url)) throw invalid("The cursor belongs to another list.");
  return p;
}

/** Advanced queries (ConsistencyLevel: eventual) must be asked for again on every page. */
export function needsEventualConsistency(path: string): boolean {
  const query = new URLSearchParams(path.slice(path.indexOf("?") + 1));
  return query.get("$count") === "true" || query.has("$search");
}
