// Graph collections and delta rounds read a page at a time, the next page fetched while the caller writes
// the current one: at most two pages of a tenant are in memory, however large the tenant.
import { GraphRequestError } from "../graph/graph-errors.ts";
import type { TenantGraph } from "../graph/tenant-graph.ts";

export interface StreamedPage<T> {
  readonly value: readonly T[];
  /** On the last page of a delta round: where the next round starts. */
  readonly deltaLink?: string;
}

interface GraphPageBody<T> {
  readonly value: T[];
  readonly "@odata.nextLink"?: string;
  readonly "@odata.deltaLink"?: string;
}

/**
 * A link Graph gave, as a path below /v1.0 of the same Graph: a link elsewhere is refused, so the tenant's
 * token is never sent to another host.
 */
export function pathOfGraphLink(link: string, graphUrl: string): string {
  const base = new URL(graphUrl);
  const url = new URL(link);
  if (url.origin !== base.origin || !url.pathname.startsWith("/v1.0/")) {
    throw new GraphRequestError(502, "unexpectedLink", `Microsoft Graph answered with a link outside ${base.origin}/v1.0: ${link.slice(0, 200)}`, undefined);
  }
  return `${url.pathname.slice("/v1.0".length)}${url.search}`;
}

/** Graph's answers to a delta link it no longer holds the state of: the data must be read again in full. */
export function isExpiredDeltaState(error: unknown): boolean {
  if (!(error instanceof GraphRequestError)) return false;
  return error.status === 410 || ["syncStateNotFound", "syncStateInvalid", "resyncRequired", "Directory_ExpiredPageToken"].includes(error.code);
}

/** Every page from `firstPath` on, following next links; the last page of a delta round carries its delta link. */
export async function* streamPages<T>(graph: Pick<TenantGraph, "get">, graphUrl: string, firstPath: string, headers?: Readonly<Record<string, string>>): AsyncGenerator<StreamedPage<T>> {
  let pending = graph.get<GraphPageBody<T>>(firstPath, headers);
  for (;;) {
    const page = (await pending).body;
    const next = page["@odata.nextLink"];
    if (next) {
      pending = graph.get<GraphPageBody<T>>(pathOfGraphLink(next, graphUrl), headers);
      // Awaited on the next turn; until then a failure must not count as unhandled.
      pending.catch(() => undefined);
    }
    const deltaLink = page["@odata.deltaLink"];
    yield { value: page.value, ...(deltaLink ? { deltaLink } : {}) };
    if (!next) return;
  }
}

/** Every item of a small collection (role assignments, subscribed SKUs). */
export async function readWhole<T>(graph: Pick<TenantGraph, "get">, graphUrl: string, path: string): Promise<T[]> {
  const items: T[] = [];
  for await (const page of streamPages<T>(graph, graphUrl, path)) items.push(...page.value);
  return items;
}
