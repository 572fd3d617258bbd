// Turns a Graph path template into the keys the permission data uses.

/**
 * Lower-cased path with every whole-segment placeholder (`{userId}`, `:id`) written `{id}`, every key value inside
 * parentheses written `{value}`, and no version prefix, query string or trailing slash.
 * `/v1.0/Users/{userId}/` -> `/users/{id}`; `/servicePrincipals(appId='{appId}')` -> `/serviceprincipals(appid={value})`.
 */
export function normalizeGraphPath(pattern: string): string {
  let path = pattern.trim().toLowerCase();
  const query = path.indexOf("?");
  if (query >= 0) path = path.slice(0, query);
  path = path.replace(/^https:\/\/graph\.microsoft\.com/, "").replace(/^\/?(v1\.0|beta)(?=\/|$)/, "");
  path = path.replace(/\(([^)]*)\)/g, (_match, inner: string) => `(${normalizeKeyValues(inner)})`);
  const segments = path
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment) => (/^(\{[^}]*\}|:\w+)$/.test(segment) ? "{id}" : segment));
  return `/${segments.join("/")}`;
}

function normalizeKeyValues(inner: string): string {
  if (inner.trim() === "") return "";
  return inner
    .split(",")
    .map((pair) => {
      const equals = pair.indexOf("=");
      return equals < 0 ? "{value}" : `${pair.slice(0, equals).trim()}={value}`;
    })
    .join(",");
}

const TYPE_PREFIX = "microsoft.graph.";

/**
 * Keys to look up, most specific first: the path itself; without a trailing `/$ref` (the source lists
 * `$ref` operations under the navigation property); without a trailing `$count` or `$value`; then with
 * `microsoft.graph.` segments read first as namespace-qualified actions (`microsoft.graph.assignLicense`
 * is `assignLicense`) and last as type casts, which need what the uncast path needs.
 */
export function graphRouteCandidates(method: string, pattern: string): string[] {
  const verb = method.trim().toUpperCase();
  let segments = normalizeGraphPath(pattern).split("/").slice(1);
  const keys: string[] = [];
  const add = (parts: readonly string[]) => keys.push(`${verb} /${parts.join("/")}`);

  add(segments);
  if (segments.at(-1) === "$ref") {
    segments = segments.slice(0, -1);
    add(segments);
  }
  const last = segments.at(-1);
  if (last === "$count" || last === "$value") {
    segments = segments.slice(0, -1);
    add(segments);
  }
  if (segments.some((s) => s.startsWith(TYPE_PREFIX))) {
    add(segments.map((s) => (s.startsWith(TYPE_PREFIX) ? s.slice(TYPE_PREFIX.length) : s)));
    add(segments.filter((s) => !s.startsWith(TYPE_PREFIX)));
  }
  return [...new Set(keys)];
}

/** "METHOD /path" -> the same key with its path normalised. */
export function normalizeRouteKey(key: string): string {
  const space = key.indexOf(" ");
  return `${key.slice(0, space).toUpperCase()} ${normalizeGraphPath(key.slice(space + 1))}`;
}
