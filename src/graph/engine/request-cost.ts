import type { GraphHttpMethod } from "../tenant-graph.ts";

/** What one request takes from the identity quotas: resource units always, a write for anything but GET. */
export interface RequestCost {
  readonly resourceUnits: number;
  readonly writes: number;
}

/**
 * Base costs of reads from the cost table of "Microsoft Graph service-specific throttling limits";
 * `{id}` stands for any one segment, and costs of `me/...` apply to `users/{id}/...`.
 */
const readCosts: readonly (readonly [RegExp, number])[] = [
  [/^\/users$/, 2],
  [/^\/applications$/, 2],
  [/^\/subscribedskus$/, 3],
  [/^\/groups\/[^/]+\/members$/, 3],
  [/^\/groups\/[^/]+\/transitivemembers$/, 5],
  [/^\/users\/[^/]+\/(licensedetails|memberof|transitivememberof|ownedobjects)$/, 2],
  [/^\/serviceprincipals\/[^/]+\/approleassignments$/, 2],
];

/** The cost Graph will charge, as far as it can be known before asking; `x-ms-resource-unit` gives the real one. */
export function requestCost(method: GraphHttpMethod, path: string): RequestCost {
  if (method !== "GET") return { resourceUnits: 1, writes: 1 };
  const [rawPath = "", rawQuery = ""] = path.split("?", 2);
  const route = rawPath.toLowerCase().replace(/\/+$/, "").replace(/^\/me(?=\/|$)/, "/users/me");
  let units = readCosts.find(([pattern]) => pattern.test(route))?.[1] ?? 1;
  const query = new URLSearchParams(rawQuery);
  if (query.has("$select")) units -= 1;
  if (query.has("$expand")) units += 1;
  const top = Number(query.get("$top"));
  if (query.has("$top") && top < 20) units -= 1;
  return { resourceUnits: Math.max(1, units), writes: 0 };
}
