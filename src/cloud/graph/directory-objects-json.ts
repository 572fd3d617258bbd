import { roleByTemplateId } from "../authz/roles.ts";
import type { DirectoryObjectRecord } from "../directory/model.ts";
import type { GraphCall } from "./graph-call.ts";
import type { CollectionSource } from "./list-collection.ts";
import { defaultGroupProperties, groupPropertySet, readGroupProperty } from "./groups/group-json.ts";
import { defaultUserProperties, readUserProperty, userProperties } from "./users/user-json.ts";

/** A member, owner or memberOf entry: a user, group, service principal or (for memberOf) a directory role. */
export type DirectoryEntry = DirectoryObjectRecord | { readonly kind: "directoryRole"; readonly id: string };

const typeNames: Record<DirectoryEntry["kind"], string> = {
  user: "#microsoft.graph.user",
  group: "#microsoft.graph.group",
  servicePrincipal: "#microsoft.graph.servicePrincipal",
  application: "#microsoft.graph.application",
  directoryRole: "#microsoft.graph.directoryRole",
};

/** What the cloud serves of service principals and applications when they appear among directory objects. */
const appProperties: ReadonlySet<string> = new Set(["id", "appId", "appOwnerOrganizationId", "accountEnabled", "createdDateTime", "deletedDateTime", "displayName", "servicePrincipalType", "signInAudience"]);

function readEntry(call: GraphCall, entry: DirectoryEntry, property: string): unknown {
  switch (entry.kind) {
    case "user":
      return readUserProperty(call.tenant, entry, property);
    case "group":
      return readGroupProperty(entry, property);
    case "directoryRole": {
      const role = roleByTemplateId(entry.id);
      const values: Record<string, unknown> = { id: entry.id, displayName: role?.displayName, description: role?.description, roleTemplateId: entry.id, deletedDateTime: null };
      return values[property];
    }
    default:
      return appProperties.has(property) ? (entry as unknown as Record<string, unknown>)[property] : undefined;
  }
}

/**
 * A directoryObject collection accepts in `$select` the properties of the types it holds (users, groups,
 * service principals, directory roles); an entry of a type without the property leaves it out.
 */
const knownProperties: ReadonlySet<string> = new Set([...userProperties, ...groupPropertySet, ...appProperties, "roleTemplateId"]);

/** Each entry shows its own type's default properties; the others read as undefined and are left out. */
const mixedDefaults = [...new Set<string>([...defaultUserProperties, ...defaultGroupProperties, "appId", "roleTemplateId"])];

/** A list of directory objects of mixed kinds, answered as Graph's directoryObject collections. */
export function directoryObjectsSource(call: GraphCall, ids: readonly string[], contextPath: string): CollectionSource<DirectoryEntry> {
  const sorted = [...ids].sort();
  return {
    resource: "users",
    contextPath,
    ids: (after) => (after === undefined ? sorted : sorted.filter((id) => id > after)),
    get: (id) => {
      const record = call.tenant.objects.get(id);
      if (record) return record.deletedDateTime ? undefined : record;
      return roleByTemplateId(id) ? { kind: "directoryRole", id } : undefined;
    },
    read: (entry, property) => readEntry(call, entry, property),
    defaultProperties: mixedDefaults,
    knownProperties,
    entityType: "microsoft.graph.directoryObject",
    typeName: (entry) => typeNames[entry.kind],
  };
}
