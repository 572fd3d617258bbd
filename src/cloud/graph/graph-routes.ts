import { batchRoutes } from "./batch/batch-routes.ts";
import { deltaRoutes } from "./delta/delta-routes.ts";
import { appsRoutes } from "./directory/apps-routes.ts";
import { auditLogsRoutes } from "./directory/audit-logs-routes.ts";
import { deletedItemsRoutes } from "./directory/deleted-items-routes.ts";
import { rolesRoutes } from "./directory/roles-routes.ts";
import type { GraphRoute } from "./graph-call.ts";
import { groupMembersRoutes } from "./groups/group-members-routes.ts";
import { groupsRoutes } from "./groups/groups-routes.ts";
import { organizationRoutes } from "./organization/organization-routes.ts";
import { invitationsRoutes } from "./users/invitations-routes.ts";
import { memberObjectsRoutes } from "./users/member-objects-routes.ts";
import { userRelationsRoutes } from "./users/user-relations-routes.ts";
import { usersRoutes } from "./users/users-routes.ts";

/** Every Graph v1.0 route the local cloud serves. */
export function graphRoutes(): GraphRoute[] {
  return [
    ...usersRoutes(),
    ...userRelationsRoutes(),
    ...memberObjectsRoutes(),
    ...invitationsRoutes(),
    ...groupsRoutes(),
    ...groupMembersRoutes(),
    ...deletedItemsRoutes(),
    ...organizationRoutes(),
    ...rolesRoutes(),
    ...appsRoutes(),
    ...auditLogsRoutes(),
    ...batchRoutes(),
    ...deltaRoutes(),
  ];
}
