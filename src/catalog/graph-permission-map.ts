// Which Microsoft Graph application permissions a request accepts, read from data/graph-app-permissions.json
// (see data/README.md), plus the few documented paths that file lacks (graph-permission-gaps.ts).
import graphAppPermissions from "../../data/graph-app-permissions.json" with { type: "json" };
import { graphPermissionGaps } from "./graph-permission-gaps.ts";

export type GraphMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** What Microsoft says about one METHOD + path for application permissions. */
export interface PathPermissions {
  /** Any one of these lets an app call the operation. */
  readonly accepted: readonly string[];
  /** Microsoft's least privileged markers among `accepted` (corrected as data/README.md says). */
  readonly least: readonly string[];
  /** Permission -> companions it needs alongside it (any one of them). */
  readonly alsoRequires?: Readonly<Record<string, readonly string[]>>;
}

/** Microsoft's description of one application permission. */
export interface PermissionDescription {
  readonly displayName: string;
  readonly description: string;
  /** 1 (low) to 5 (high); absent where Microsoft gives none. */
  readonly privilegeLevel?: number;
}

interface GraphAppPermissionsFile {
  permissions: Record<string, PermissionDescription>;
  paths: Record<string, PathPermissions>;
}

const data: GraphAppPermissionsFile = graphAppPermissions;

/**
 * `/Users/{user-id}/Manager/$ref?x=1` -> `/users/{id}/manager/$ref`: lower case, no query, no trailing slash,
 * every whole-segment placeholder written `{id}`.
 */
export function normalizeGraphPath(template: string): string {
  const withoutQuery = template.trim().toLowerCase().split("?")[0] ?? "";
  const segments = withoutQuery
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment) => (/^\{[^}]*\}$/.test(segment) ? "{id}" : segment));
  return `/${segments.join("/")}`;
}

/** The keys to try for a request, most specific first: as given, then without a trailing `/$ref`. */
export function routeKeys(method: GraphMethod, template: string): readonly string[] {
  const path = normalizeGraphPath(template);
  const keys = [`${method} ${path}`];
  if (path.endsWith("/$ref")) keys.push(`${method} ${path.slice(0, -"/$ref".length)}`);
  return keys;
}

function buildIndex(): Map<string, PathPermissions> {
  const index = new Map<string, PathPermissions>();
  const merge = (key: string, entry: PathPermissions) => {
    const previous = index.get(key);
    index.set(key, {
      accepted: [...new Set([...(previous?.accepted ?? []), ...entry.accepted])].sort(),
      least: [...new Set([...(previous?.least ?? []), ...entry.least])].sort(),
      ...(previous?.alsoRequires || entry.alsoRequires ? { alsoRequires: { ...previous?.alsoRequires, ...entry.alsoRequires } } : {}),
    });
  };
  for (const [key, entry] of Object.entries(data.paths)) {
    const space = key.indexOf(" ");
    merge(`${key.slice(0, space)} ${normalizeGraphPath(key.slice(space + 1))}`, entry);
  }
  return index;
}

let sourceIndex: Map<string, PathPermissions> | undefined;

/** The data file's entry for a request, ignoring the gaps. */
export function sourcePermissionsFor(method: GraphMethod, template: string): PathPermissions | undefined {
  sourceIndex ??= buildIndex();
  for (const key of routeKeys(method, template)) {
    const entry = sourceIndex.get(key);
    if (entry) return entry;
  }
  return undefined;
}

/** Application permissions for METHOD + Graph v1.0 path template, e.g. ("POST", "/users/{id}/assignLicense"). */
export function graphPermissionsFor(method: GraphMethod, template: string): PathPermissions | undefined {
  const fromSource = sourcePermissionsFor(method, template);
  if (fromSource) return fromSource;
  for (const key of routeKeys(method, template)) {
    const gap = graphPermissionGaps.find((g) => `${g.method} ${normalizeGraphPath(g.path)}` === key);
    if (gap) return gap;
  }
  return undefined;
}

/** Microsoft's display name, description and privilege level of an application permission. */
export function permissionDescription(name: string): PermissionDescription | undefined {
  return Object.hasOwn(data.permissions, name) ? data.permissions[name] : undefined;
}
