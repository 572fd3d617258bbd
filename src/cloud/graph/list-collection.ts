import type { CloudResponse } from "../http/cloud-request.ts";
import { header } from "../http/cloud-request.ts";
import type { GraphCall } from "./graph-call.ts";
import {
  applySelect,
  checkQueryRules,
  compareBy,
  compileFilter,
  compileSearch,
  decodeSkipToken,
  encodeSkipToken,
  parseFilter,
  parseOrderBy,
  parseSearch,
  parseSelect,
  parseTop,
  reportsCount,
} from "./odata/index.ts";

export interface CollectionSource<R> {
  readonly resource: "users" | "groups";
  /** `users`, `groups/{id}/members` ... for `@odata.context`. */
  readonly contextPath: string;
  /** Ids in ascending order, resumable after a given id. */
  ids(after: string | undefined): Iterable<string>;
  get(id: string): R | undefined;
  read(record: R, property: string): unknown;
  readonly defaultProperties: readonly string[];
  readonly knownProperties: ReadonlySet<string>;
  /** The type `$select` names are checked against in errors; by default the resource's own. */
  readonly entityType?: string;
  /** Marks a collection of mixed types: each entry carries its `@odata.type` and leaves out properties its type lacks. */
  readonly typeName?: (record: R) => string | undefined;
}

interface PageState {
  readonly after?: string;
  readonly offset?: number;
}

/** A Graph collection with `$filter`, `$search`, `$select`, `$orderby`, `$count`, `$top` and skiptoken paging. */
export function listCollection<R>(call: GraphCall, source: CollectionSource<R>, countSegment = false): CloudResponse {
  const q = call.query;
  const consistencyEventual = (header(call.request, "consistencylevel") ?? "").toLowerCase() === "eventual";
  const filter = q.get("$filter") ? parseFilter(q.get("$filter")!) : undefined;
  const search = q.get("$search") ? parseSearch(q.get("$search")!) : undefined;
  const orderBy = q.get("$orderby") ? parseOrderBy(q.get("$orderby")!) : undefined;
  const query = { filter, orderBy, search, count: (q.get("$count") ?? "").toLowerCase() === "true", consistencyEventual, countSegment };
  checkQueryRules(source.resource, query);
  const count = reportsCount(query) || countSegment;
  const select = parseSelect(q.get("$select") ?? undefined, source.knownProperties, source.entityType ?? (source.resource === "groups" ? "microsoft.graph.group" : "microsoft.graph.user"));
  const top = parseTop(q.get("$top") ?? undefined) ?? 100;
  const token = q.get("$skiptoken");
  const state = (token ? decodeSkipToken(token) : {}) as PageState;

  const read = (record: object, property: string) => source.read(record as R, property);
  const matches = [filter && compileFilter(filter, read), search && compileSearch(search, read)].filter((m) => !!m);
  const accept = (record: R) => matches.every((m) => m(record as object));

  const page: R[] = [];
  let total = 0;
  let next: PageState | undefined;
  if (orderBy && orderBy.length > 0) {
    const all: R[] = [];
    for (const id of source.ids(undefined)) {
      const record = source.get(id);
      if (record && accept(record)) all.push(record);
    }
    const comparator = compareBy(orderBy, read);
    all.sort((a, b) => comparator(a as object, b as object));
    const offset = state.offset ?? 0;
    page.push(...all.slice(offset, offset + top));
    total = all.length;
    if (offset + top < all.length) next = { offset: offset + top };
  } else {
    for (const id of source.ids(state.after)) {
      const record = source.get(id);
      if (!record || !accept(record)) continue;
      if (page.length === top) {
        next = { after: (page.at(-1) as { id: string }).id };
        break;
      }
      page.push(record);
    }
    if (count) total = countAll(source, accept);
  }

  const properties = select ?? source.defaultProperties;
  const value = page.map((record) => {
    const full: Record<string, unknown> = {};
    for (const p of properties) full[p] = source.read(record, p);
    const selected = applySelect(full, select, source.defaultProperties);
    const typeName = source.typeName?.(record);
    if (!typeName) return selected;
    for (const p of properties) if (full[p] === undefined) delete selected[p];
    return { "@odata.type": typeName, ...selected };
  });
  const context = select ? `${source.contextPath}(${select.join(",")})` : source.contextPath;
  const body: Record<string, unknown> = { "@odata.context": `${call.context.baseUrl}/v1.0/$metadata#${context}` };
  if (count) body["@odata.count"] = total;
  if (next) {
    const url = new URL(call.request.url);
    url.searchParams.set("$skiptoken", encodeSkipToken(next));
    body["@odata.nextLink"] = `${call.context.baseUrl}${url.pathname}${url.search}`;
  }
  body.value = value;
  if (countSegment) return { status: 200, headers: { "Content-Type": "text/plain;charset=utf-8" }, body: String(total) };
  return { status: 200, body };
}

function countAll<R>(source: CollectionSource<R>, accept: (record: R) => boolean): number {
  let total = 0;
  for (const id of source.ids(undefined)) {
    const record = source.get(id);
    if (record && accept(record)) total++;
  }
  return total;
}
