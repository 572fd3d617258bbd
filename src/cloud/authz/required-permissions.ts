// Which Microsoft Graph application permissions an operation accepts, from data/graph-app-permissions.json
// plus the documented gaps in missing-paths.ts.
import graphAppPermissions from "../../../data/graph-app-permissions.json" with { type: "json" };
import { appRoleIdFor } from "./app-role-ids.ts";
import type { GraphAppPermissionsFile, PermissionInfo } from "./data-files.ts";
import { graphRouteCandidates, normalizeRouteKey } from "./graph-route.ts";
import { MISSING_PATHS, type MissingPathPermissions, type ObjectTypePermissions } from "./missing-paths.ts";

export { appRoleIdFor, isPublishedAppRoleId } from "./app-role-ids.ts";
export type { PermissionInfo } from "./data-files.ts";

export type ApplicationPermissions = {
  /** Any one of these lets an app call the operation. Empty: application permissions are not supported. */
  accepted: readonly string[];
  /** The least privileged of `accepted` (may be empty where Microsoft marks none). */
  least: readonly string[];
  /** Permission -> companions it needs alongside it (any one of them). */
  alsoRequires?: Readonly<Record<string, readonly string[]>>;
};

const data: GraphAppPermissionsFile = graphAppPermissions;

let sourceIndex: Map<string, ApplicationPermissions> | undefined;
let missingIndex: Map<string, MissingPathPermissions> | undefined;

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

/** Source keys normalised like lookups, merging the few paths the source writes twice (`{id}` vs `{userId}`). */
function sourcePaths(): Map<string, ApplicationPermissions> {
  if (sourceIndex) return sourceIndex;
  sourceIndex = new Map();
  for (const [key, entry] of Object.entries(data.paths)) {
    const normalized = normalizeRouteKey(key);
    const previous = sourceIndex.get(normalized);
    const alsoRequires = { ...previous?.alsoRequires, ...entry.alsoRequires };
    sourceIndex.set(normalized, {
      accepted: union(previous?.accepted ?? [], entry.accepted),
      least: union(previous?.least ?? [], entry.least),
      ...(Object.keys(alsoRequires).length > 0 ? { alsoRequires } : {}),
    });
  }
  return sourceIndex;
}

function missingPaths(): Map<string, MissingPathPermissions> {
  missingIndex ??= new Map(Object.entries(MISSING_PATHS).map(([key, entry]) => [normalizeRouteKey(key), entry]));
  return missingIndex;
}

function resolveMissing(entry: MissingPathPermissions, objectType: string | undefined): ApplicationPermissions | undefined {
  if (!("byObjectType" in entry)) return entry;
  const byType: Readonly<Record<string, ObjectTypePermissions | undefined>> = entry.byObjectType;
  if (objectType !== undefined) {
    return byType[objectType.toLowerCase().replace(/^#?microsoft\.graph\./, "")];
  }
  const all = Object.values(entry.byObjectType);
  return {
    accepted: all.reduce<string[]>((acc, e) => union(acc, e.accepted), []),
    least: all.reduce<string[]>((acc, e) => union(acc, e.least), []),
  };
}

/**
 * Application permissions accepted by `method routePattern`, e.g. ("POST", "/users/{id}/assignLicense").
 * Case-insensitive; `$ref`, `$count`, `$value` and `microsoft.graph.*` segments are resolved as Graph does.
 * `objectType` (e.g. "user") selects per-type permissions where they differ (deleted items); without it
 * such paths answer the union over types. Undefined when the path is unknown.
 */
export function applicationPermissionsFor(
  method: string,
  routePattern: string,
  objectType?: string,
): ApplicationPermissions | undefined {
  for (const key of graphRouteCandidates(method, routePattern)) {
    const fromSource = sourcePaths().get(key);
    if (fromSource) return fromSource;
    const missing = missingPaths().get(key);
    if (missing) return resolveMissing(missing, objectType);
  }
  return undefined;
}

export function permissionInfo(name: string): PermissionInfo | undefined {
  return Object.hasOwn(data.permissions, name) ? data.permissions[name] : undefined;
}

let names: readonly string[] | undefined;

/** Every Graph application permission, sorted. */
export function allApplicationPermissionNames(): readonly string[] {
  names ??= Object.freeze(Object.keys(data.permissions).sort());
  return names;
}

let namesByAppRoleId: Map<string, string> | undefined;

/** The application permission an app role id stands for (see appRoleIdFor). */
export function permissionNameForAppRoleId(appRoleId: string): string | undefined {
  namesByAppRoleId ??= new Map(allApplicationPermissionNames().map((name) => [appRoleIdFor(name), name]));
  return namesByAppRoleId.get(appRoleId.trim().toLowerCase());
}
