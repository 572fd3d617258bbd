// Graph operations the catalog uses that data/graph-app-permissions.json does not list, with the application
// permissions their Microsoft Learn page gives. Keep this short: when the data file gains a path, its entry
// here goes (a test fails until it does).
import type { GraphMethod, PathPermissions } from "./graph-permission-map.ts";

export interface GraphPermissionGap extends PathPermissions {
  readonly method: GraphMethod;
  readonly path: string;
  /** The Microsoft Learn page the permissions come from. */
  readonly source: string;
}

export const graphPermissionGaps: readonly GraphPermissionGap[] = [
  {
    method: "POST",
    path: "/groups/{id}/members/$ref",
    source: "https://learn.microsoft.com/graph/api/group-post-members",
    least: ["GroupMember.ReadWrite.All"],
    accepted: ["Directory.ReadWrite.All", "Group.ReadWrite.All", "GroupMember.ReadWrite.All"],
  },
  {
    // The type cast is required: a bare GET /directory/deletedItems is not supported. Users only.
    method: "GET",
    path: "/directory/deletedItems/microsoft.graph.user",
    source: "https://learn.microsoft.com/graph/api/directory-deleteditems-list",
    least: ["User.Read.All"],
    accepted: ["Directory.Read.All", "Directory.ReadWrite.All", "User.Read.All", "User.ReadWrite.All"],
  },
  {
    // For a deleted user; other object types need other permissions and the catalog never purges them.
    method: "DELETE",
    path: "/directory/deletedItems/{id}",
    source: "https://learn.microsoft.com/graph/api/directory-deleteditems-delete",
    least: ["User.DeleteRestore.All"],
    accepted: ["User.DeleteRestore.All"],
  },
];
