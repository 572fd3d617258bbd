import type { CloudResponse } from "../../http/cloud-request.ts";
import type { GraphCall, GraphRoute } from "../graph-call.ts";
import { route } from "../graph-call.ts";
import { GraphError } from "../graph-error.ts";
import { parseSelect } from "../odata/index.ts";
import { type PageCursor, deltaPage } from "./delta-page.ts";
import { deltaPreferences } from "./delta-prefer.ts";
import { type DeltaResource, groupsDelta, usersDelta } from "./delta-resources.ts";
import type { DeltaRound } from "./delta-round.ts";
import {
  DIRECTORY_DELTA_TOKEN_LIFETIME_MS,
  decodeDeltaToken,
  decodePageToken,
  encodeDeltaToken,
  encodePageToken,
} from "./delta-token.ts";

export interface DeltaRouteOptions {
  /** How long a delta or skip token stays usable, on the cloud's clock. */
  readonly tokenLifetimeMs?: number;
}

/** Query options Microsoft documents as unsupported on user and group delta queries. */
const UNSUPPORTED_OPTIONS = ["$top", "$orderby", "$filter", "$search", "$count"];

function unsupported(message: string): GraphError {
  return new GraphError(400, "Request_UnsupportedQuery", message);
}

/** Query option names are matched without regard to case (`$deltaToken` is documented too). */
function option(query: URLSearchParams, name: string): string | undefined {
  for (const [key, value] of query) if (key.toLowerCase() === name) return value;
  return undefined;
}

interface Selection {
  readonly select: readonly string[] | null;
  readonly members: boolean;
}

/** `$select` (and, for groups, `$expand=members`): which properties and whether memberships are tracked. */
function parseSelection(resource: DeltaResource, query: URLSearchParams): Selection | undefined {
  const text = option(query, "$select");
  const expand = option(query, "$expand");
  if (expand !== undefined && !(resource.tracksMembers && expand.trim().toLowerCase() === "members")) {
    throw unsupported(`The query option '$expand=${expand}' is not supported in a delta query on ${resource.name}.`);
  }
  const selected = parseSelect(text, resource.selectable, resource.typeName);
  if (!selected) return expand === undefined ? undefined : { select: null, members: true };
  const members = resource.tracksMembers && (selected.includes("members") || expand !== undefined);
  return { select: selected.filter((p) => p !== "members"), members };
}

function defaultSelection(resource: DeltaResource): Selection {
  return { select: null, members: resource.tracksMembers };
}

type Request = { readonly round: DeltaRound; readonly cursor: PageCursor } | { readonly latest: Selection };

/** Which round a request starts or continues, from its tokens and query options. */
function readRequest(call: GraphCall, resource: DeltaResource, lifetimeMs: number): Request {
  const query = call.query;
  for (const name of UNSUPPORTED_OPTIONS) {
    if (option(query, name) !== undefined) throw unsupported(`The query option '${name}' is not supported in a delta query on ${resource.name}.`);
  }
  const tenant = call.tenant;
  const nowMs = call.context.now().getTime();
  const expected = { resource: resource.name, tenantId: tenant.id, journal: tenant.journal, nowMs, lifetimeMs };
  const deltaToken = option(query, "$deltatoken");
  const skipToken = option(query, "$skiptoken");
  const selection = parseSelection(resource, query);
  if (deltaToken !== undefined && skipToken !== undefined) throw unsupported("A delta query takes either a $deltatoken or a $skiptoken, not both.");

  if (skipToken !== undefined) {
    // The selection of a round is fixed by its first request and carried in its tokens.
    if (selection) throw unsupported("Query options cannot be combined with a $skiptoken in a delta query; they are carried in the token.");
    const state = decodePageToken(skipToken, expected);
    const round = { resource, tenant, select: state.sel, members: state.mem, from: state.from, to: state.to, startedAt: state.t };
    const cursor = state.group !== undefined && state.member !== undefined ? { group: state.group, member: state.member } : { after: state.after };
    return { round, cursor };
  }
  // "Sync from now": no objects, only a delta link at the current state.
  if (deltaToken?.toLowerCase() === "latest") return { latest: selection ?? defaultSelection(resource) };
  const to = tenant.journal.sequence;
  if (deltaToken !== undefined) {
    const state = decodeDeltaToken(deltaToken, expected);
    // Entra lets a delta link change the tracked properties with a new $select.
    const { select, members } = selection ?? { select: state.sel, members: state.mem };
    return { round: { resource, tenant, select, members, from: state.seq, to, startedAt: nowMs }, cursor: {} };
  }
  const { select, members } = selection ?? defaultSelection(resource);
  return { round: { resource, tenant, select, members, from: null, to, startedAt: nowMs }, cursor: {} };
}

function deltaHandler(resource: DeltaResource, lifetimeMs: number) {
  return (call: GraphCall): CloudResponse => {
    const request = readRequest(call, resource, lifetimeMs);
    const scope = { r: resource.name, tid: call.tenant.id };
    const nowMs = call.context.now().getTime();
    if ("latest" in request) {
      const { select, members } = request.latest;
      const deltaToken = encodeDeltaToken({ k: "d", ...scope, sel: select ? [...select] : null, mem: members, seq: call.tenant.journal.sequence, t: nowMs });
      return respond(call, resource, select, { value: [], deltaToken });
    }
    const { round, cursor } = request;
    const page = deltaPage(round, cursor, deltaPreferences(call.request));
    const selection = { sel: round.select ? [...round.select] : null, mem: round.members };
    if (!page.next) {
      return respond(call, resource, round.select, { value: page.value, deltaToken: encodeDeltaToken({ k: "d", ...scope, ...selection, seq: round.to, t: nowMs }) });
    }
    const next = page.next;
    const position = "group" in next ? { group: next.group, member: next.member } : next.after !== undefined ? { after: next.after } : {};
    const skipToken = encodePageToken({ k: "p", ...scope, ...selection, from: round.from, to: round.to, t: round.startedAt, ...position });
    return respond(call, resource, round.select, { value: page.value, skipToken });
  };
}

function respond(
  call: GraphCall,
  resource: DeltaResource,
  select: readonly string[] | null,
  page: { value: Record<string, unknown>[]; skipToken?: string; deltaToken?: string },
): CloudResponse {
  const base = `${call.context.baseUrl}/v1.0`;
  const context = select && select.length > 0 ? `${resource.name}(${select.join(",")})` : resource.name;
  const body: Record<string, unknown> = { "@odata.context": `${base}/$metadata#${context}` };
  if (page.skipToken) body["@odata.nextLink"] = `${base}/${resource.name}/delta?$skiptoken=${page.skipToken}`;
  if (page.deltaToken) body["@odata.deltaLink"] = `${base}/${resource.name}/delta?$deltatoken=${page.deltaToken}`;
  body.value = page.value;
  return { status: 200, body };
}

/** `GET /users/delta` and `GET /groups/delta`, also by their namespace-qualified names as the SDKs call them. */
export function deltaRoutes(options: DeltaRouteOptions = {}): GraphRoute[] {
  const lifetimeMs = options.tokenLifetimeMs ?? DIRECTORY_DELTA_TOKEN_LIFETIME_MS;
  return [usersDelta, groupsDelta].flatMap((resource) => {
    const handler = deltaHandler(resource, lifetimeMs);
    return [route("GET", `/${resource.name}/delta`, handler), route("GET", `/${resource.name}/microsoft.graph.delta`, handler)];
  });
}
