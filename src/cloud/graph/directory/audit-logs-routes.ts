import type { GraphCall, GraphRoute } from "../graph-call.ts";
import { route } from "../graph-call.ts";
import { compileFilter, decodeSkipToken, encodeSkipToken, parseFilter, parseTop } from "../odata/index.ts";

/** `/auditLogs/directoryAudits`, newest first, with `$filter` on its properties and skiptoken paging. */
function directoryAudits(call: GraphCall) {
  const filterText = call.query.get("$filter");
  const accept = filterText ? compileFilter(parseFilter(filterText), (record, property) => (record as Record<string, unknown>)[property]) : () => true;
  const top = parseTop(call.query.get("$top") ?? undefined) ?? 100;
  const token = call.query.get("$skiptoken");
  const offset = token ? Number((decodeSkipToken(token) as { offset?: number }).offset ?? 0) : 0;
  const matching = [...call.tenant.audits].reverse().filter((e) => accept(e as object));
  const body: Record<string, unknown> = { "@odata.context": `${call.context.baseUrl}/v1.0/$metadata#auditLogs/directoryAudits` };
  if (offset + top < matching.length) {
    const url = new URL(call.request.url);
    url.searchParams.set("$skiptoken", encodeSkipToken({ offset: offset + top }));
    body["@odata.nextLink"] = `${call.context.baseUrl}${url.pathname}${url.search}`;
  }
  body.value = matching.slice(offset, offset + top);
  return { status: 200, body };
}

export function auditLogsRoutes(): GraphRoute[] {
  return [route("GET", "/auditLogs/directoryAudits", directoryAudits)];
}
