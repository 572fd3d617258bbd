import { recordDirectoryAudit, target } from "../../directory/audit-recorder.ts";
import type { DirectoryObjectRecord } from "../../directory/model.ts";
import type { GraphCall, GraphRoute } from "../graph-call.ts";
import { route } from "../graph-call.ts";
import { badRequest, insufficientPrivileges, resourceNotFound } from "../graph-error.ts";
import { listCollection } from "../list-collection.ts";
import { checkSensitiveActionOnTarget } from "../users/user-update-rules.ts";
import { applicationPermissionsFor } from "../../authz/required-permissions.ts";
import { singleUserJson, userSource } from "../users/users-routes.ts";

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

function restore(call: GraphCall) {
  const record = deletedObject(call);
  checkPermissionFor(call, record);
  if (record.kind === "user" && call.tenant.user(record.userPrincipalName)?.deletedDateTime === null) {
    throw badRequest("Another object with the same value for property userPrincipalName already exists.");
  }
  const restored = { ...record, deletedDateTime: null } as DirectoryObjectRecord;
  call.context.state.apply({ op: "object.put", tenantId: call.tenant.id, record: restored });
  recordDirectoryAudit(call.context, call.tenant, {
    activity: record.kind === "user" ? "Restore user" : "Restore group",
    category: record.kind === "user" ? "UserManagement" : "GroupManagement",
    operationType: "Add",
    initiatedBy: call.initiator,
    targets: [target(record.id, record.kind === "user" ? "User" : "Group", record.displayName, record.kind === "user" ? record.userPrincipalName : null)],
    correlationId: call.requestId,
  });
  return { status: 200, body: record.kind === "user" ? singleUserJson(call, restored as typeof record, "directoryObjects/$entity") : { id: restored.id, displayName: restored.displayName } };
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
