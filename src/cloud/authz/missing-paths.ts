// Application permissions for Graph operations the product needs that graph-permissions.json lacks,
// taken from each operation's Microsoft Learn page (named above each entry).
// `least` is the page's least privileged Application permission; `accepted` adds the higher ones the page
// (or an earlier version of it, which listed them "from least to most privileged") names.
// An empty `accepted` means the page says application permissions are not supported.
//
// Not here on purpose: POST /$batch needs no permission itself; each inner request is checked on its own.

export type ObjectTypePermissions = { accepted: readonly string[]; least: readonly string[] };

/** Where the page gives different permissions per directory object type (keys lower-case). */
export type PermissionsByObjectType = { byObjectType: Readonly<Record<string, ObjectTypePermissions>> };

export type MissingPathPermissions = ObjectTypePermissions | PermissionsByObjectType;

const USER_READ = ["Directory.Read.All", "Directory.ReadWrite.All", "User.Read.All", "User.ReadWrite.All"];
const GROUP_READ = ["Directory.Read.All", "Directory.ReadWrite.All", "Group.Read.All", "Group.ReadWrite.All"];
const APP_READ = ["Application.Read.All", "Application.ReadWrite.All", "Application.ReadWrite.OwnedBy", "Directory.Read.All"];

export const MISSING_PATHS: Readonly<Record<string, MissingPathPermissions>> = {
  // https://learn.microsoft.com/graph/api/group-post-members (user and group members; a service principal,
  // device or contact member also needs Application.ReadWrite.All, Device.ReadWrite.All or OrgContact.Read.All,
  // and a role-assignable group also needs RoleManagement.ReadWrite.Directory). Higher permissions as the
  // source lists for the matching DELETE /groups/{id}/members/{id}.
  "POST /groups/{id}/members": {
    accepted: ["Directory.ReadWrite.All", "Group.ReadWrite.All", "GroupMember.ReadWrite.All"],
    least: ["GroupMember.ReadWrite.All"],
  },

  // https://learn.microsoft.com/graph/api/directory-deleteditems-get
  "GET /directory/deleteditems/{id}": {
    byObjectType: {
      administrativeunit: { accepted: ["AdministrativeUnit.Read.All"], least: ["AdministrativeUnit.Read.All"] },
      application: { accepted: APP_READ, least: ["Application.Read.All"] },
      group: { accepted: GROUP_READ, least: ["Group.Read.All"] },
      serviceprincipal: { accepted: APP_READ, least: ["Application.Read.All"] },
      user: { accepted: USER_READ, least: ["User.Read.All"] },
    },
  },

  // https://learn.microsoft.com/graph/api/directory-deleteditems-delete (groups: application permissions not
  // supported; users: User.DeleteRestore.All on the current page, "not supported" on earlier versions)
  "DELETE /directory/deleteditems/{id}": {
    byObjectType: {
      application: {
        accepted: ["Application.ReadWrite.All", "Application.ReadWrite.OwnedBy"],
        least: ["Application.ReadWrite.OwnedBy"],
      },
      group: { accepted: [], least: [] },
      serviceprincipal: {
        accepted: ["Application.ReadWrite.All", "Application.ReadWrite.OwnedBy"],
        least: ["Application.ReadWrite.OwnedBy"],
      },
      user: { accepted: ["User.DeleteRestore.All"], least: ["User.DeleteRestore.All"] },
    },
  },

  // https://learn.microsoft.com/graph/api/directory-deleteditems-list (the cast is required; a bare
  // GET /directory/deletedItems is not supported, so it has no entry)
  "GET /directory/deleteditems/microsoft.graph.administrativeunit": {
    accepted: ["AdministrativeUnit.Read.All"],
    least: ["AdministrativeUnit.Read.All"],
  },
  // https://learn.microsoft.com/graph/api/directory-deleteditems-list
  "GET /directory/deleteditems/microsoft.graph.application": {
    accepted: ["Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All"],
    least: ["Application.Read.All"],
  },
  // https://learn.microsoft.com/graph/api/directory-deleteditems-list
  "GET /directory/deleteditems/microsoft.graph.group": {
    accepted: ["Directory.Read.All", "Group.Read.All", "Group.ReadWrite.All"],
    least: ["Group.Read.All"],
  },
  // https://learn.microsoft.com/graph/api/directory-deleteditems-list
  "GET /directory/deleteditems/microsoft.graph.serviceprincipal": {
    accepted: ["Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All"],
    least: ["Application.Read.All"],
  },
  // https://learn.microsoft.com/graph/api/directory-deleteditems-list
  "GET /directory/deleteditems/microsoft.graph.user": {
    accepted: USER_READ,
    least: ["User.Read.All"],
  },
};
