// App role ids of Microsoft Graph application permissions (the ids in appRoleAssignments and app manifests).
import graphAppRoleIds from "../../../data/graph-app-role-ids.json" with { type: "json" };
import type { GraphAppRoleIdsFile } from "./data-files.ts";
import { uuidV5 } from "./uuid-v5.ts";

/** Microsoft Graph's appId, used as the namespace for ids Microsoft does not publish. */
export const MICROSOFT_GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

const published: Readonly<Record<string, string>> = (graphAppRoleIds satisfies GraphAppRoleIdsFile).ids;

/** True when `appRoleIdFor(name)` is Microsoft's real id rather than a derived one. */
export function isPublishedAppRoleId(permissionName: string): boolean {
  return Object.hasOwn(published, permissionName);
}

/**
 * Microsoft's app role id for a Graph application permission where its public data gives one
 * (e.g. User.Read.All -> df021288-bdef-4463-88db-98f22de89214); otherwise a stable UUIDv5 of the name
 * in the Microsoft Graph appId namespace.
 */
export function appRoleIdFor(permissionName: string): string {
  const publishedId = isPublishedAppRoleId(permissionName) ? published[permissionName] : undefined;
  return publishedId ?? uuidV5(MICROSOFT_GRAPH_APP_ID, permissionName);
}
