import { type ActionId, actionIds } from "../../catalog/action-ids.ts";
import type { RolesListAssignmentsInput } from "../../catalog/actions/directory-read-actions.ts";
import type { GroupsListInput, GroupsListMembersInput, GroupTargetInput } from "../../catalog/actions/group-actions.ts";
import type { UsersGetInput, UsersListInput } from "../../catalog/actions/user-read-actions.ts";
import { type AnyExecutor, readExecutor } from "../action-executor.ts";
import { listSubscribedSkus, listRoleAssignments, readOrganization } from "../reads/directory-read.ts";
import { listGroupMembers, listGroups, readGroupDetails } from "../reads/groups-read.ts";
import { readUserDetails } from "../reads/user-details.ts";
import { listUsers } from "../reads/users-list.ts";

export const readExecutors: readonly [ActionId, AnyExecutor][] = [
  [actionIds.usersList, readExecutor<UsersListInput>(listUsers)],
  [actionIds.usersGet, readExecutor<UsersGetInput>(readUserDetails)],
  [actionIds.groupsList, readExecutor<GroupsListInput>(listGroups)],
  [actionIds.groupsGet, readExecutor<GroupTargetInput>(readGroupDetails)],
  [actionIds.groupsListMembers, readExecutor<GroupsListMembersInput>(listGroupMembers)],
  [actionIds.licensesListSubscribedSkus, readExecutor((context) => listSubscribedSkus(context))],
  [actionIds.rolesListAssignments, readExecutor<RolesListAssignmentsInput>(listRoleAssignments)],
  [actionIds.tenantGetOrganization, readExecutor((context) => readOrganization(context))],
];
