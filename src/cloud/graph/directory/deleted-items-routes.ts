import { recordDirectoryAudit, target } from "../../directory/audit-recorder.ts";
import { originalUserPrincipalName } from "../../directory/deleted-user-name.ts";
import type { DirectoryObjectRecord, UserRecord } from "../../directory/model.ts";
import type { GraphCall, GraphRoute } from "../graph-call.ts";
import { route } from "../graph-call.ts";
import { insufficientPrivileges, resourceNotFound } from "../graph-error.ts";
import { listCollection } from "../list-collection.ts";
import { checkSensitiveActionOnTarget } from "../users/user-update-rules.ts";
import { applicationPermissionsFor } from "../../authz/required-permissions.ts";
import { checkUserValue, notConvertible } from "../users/user-values.ts";
import { checkUpnAvailable, singleUserJson, userSource } from "../users/users-routes.ts";

function deletedObject(call: GraphCall): DirectoryObjectRecord {
  const record = call.tenant.objects.get(call.params.objectId!);
  if (!record?.deletedDateTime) throw resourceNotFound(call.params.objectId!);
  return record;
}

/** Microsoft's permission map lists only user permissions for restore; "Restore deleted item" names these for groups. */
const groupRestorePermissions = ["Group.ReadWrite.All", "Directory.ReadWrite.All"];

/**
 * Deleted items need the permission of their object type (Microsoft Learn, "Get deleted item", "Restore
 * deleted item", "Permanently delete an item"); a deleted group cannot be purged with application permissions.
 */
function checkPermissionFor(call: GraphCall, record: DirectoryObjectRecord): void {
  if (call.claims.idtyp !== "app") return;
  const accepted =
    record.kind === "group" && call.request.method === "POST"
      ? groupRestorePermissions
      : (applicationPermissionsFor(call.request.method, call.pattern.replace("{objectId}", "{id}"), record.kind)?.accepted ?? []);
  if (!accepted.some((p) => call.claims.roles.includes(p))) throw insufficientPrivileges();
  if (record.kind === "user" && call.request.method !== "GET") checkSensitiveActionOnTarget(call.tenant, call.claims, record);
}

/**
 * A restored user gets back the name it had, or the `newUserPrincipalName` of the request ("Restore deleted
 * item"); either must be free. Proxy-address conflicts are not modelled, so `autoReconcileProxyConflict` changes nothing.
 */
function restoredUser(call: GraphCall, user: UserRecord): UserRecord {
  const { newUserPrincipalName, autoReconcileProxyConflict } = call.body();
  if (autoReconcileProxyConflict !== undefined && typeof autoReconcileProxyConflict !== "boolean") throw notConvertible(autoReconcileProxyConflict, "Edm.Boolean");
  if (newUserPrincipalName !== undefined) checkUserValue("userPrincipalName", newUserPrincipalName);
  const userPrincipalName = typeof newUserPrincipalName === "string" ? newUserPrincipalName : originalUserPrincipalName(user);
  checkUpnAvailable(call.tenant, userPrincipalName, user.id);
  return { ...user, deletedDateTime: null, userPrincipalName };
}

function restore(call: GraphCall) {
  const record = deletedObject(call);
  checkPermissionFor(call, record);
  const restored: DirectoryObjectRecord = record.kind === "user" ? restoredUser(call, record) : { ...record, deletedDateTime: null };
  call.context.state.apply({ op: "object.put", tenantId: call.tenant.id, record: restored });
  recordDirectoryAudit(call.context, call.tenant, {
    activity: record.kind === "user" ? "Restore user" : "Restore group",
    category: record.kind === "user" ? "UserManagement" : "GroupManagement",
    operationType: "Add",
    initiatedBy: call.initiator,
    targets: [target(restored.id, restored.kind === "user" ? "User" : "Group", restored.displayName, restored.kind === "user" ? restored.userPrincipalName : null)],
    correlationId: call.requestId,
  });
  return { status: 200, body: restored.kind === "user" ? singleUserJson(call, restored, "directoryObjects/$entity") : { id: restored.id, displayName: restored.displayName } };
}

function purge(call: GraphCall) {
  const record = deletedObject(call);
  checkPermissionFor(call, record);
  call.context.state.apply({ op: "object.purge", tenantId: call.tenant.id, id: record.id });
  recordDirectoryAudit(call.context, call.tenant, {
    activity: record.kind === "user" ? "Hard delete user" : "Hard delete group",
    category: record.kind === "user" ? "UserManagement" : "GroupManagement",
    operationType: "Delete",
    initiatedBy: call.initiator,
    targets: [target(record.id, record.kind === "user" ? "User" : "Group", record.displayName)],
    correlationId: call.requestId,
  });
  return { status: 204 };
}

function listDeletedUsers(call: GraphCall) {
  const source = userSource(call.tenant, "directory/deletedItems/microsoft.graph.user");
  return listCollection(call, {
    ...source,
    get: (id: string) => {
      const user = call.tenant.user(id);
      return user?.deletedDateTime ? user : undefined;
    },
  });
}

export function deletedItemsRoutes(): GraphRoute[] {
  return [
    route("GET", "/directory/deletedItems/microsoft.graph.user", listDeletedUsers),
    route("GET", "/directory/deletedItems/{objectId}", (call) => {
      const record = deletedObject(call);
      checkPermissionFor(call, record);
      return { status: 200, body: record.kind === "user" ? singleUserJson(call, record, "directoryObjects/$entity") : { id: record.id, displayName: record.displayName, deletedDateTime: record.deletedDateTime } };
    }, "none"),
    route("POST", "/directory/deletedItems/{objectId}/restore", restore, "none"),
    route("DELETE", "/directory/deletedItems/{objectId}", purge, "none"),
  ];
}
