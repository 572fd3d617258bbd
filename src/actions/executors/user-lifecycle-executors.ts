import { type ActionId, actionIds } from "../../catalog/action-ids.ts";
import type { UsersListDeletedInput } from "../../catalog/actions/user-lifecycle-actions.ts";
import { type AnyExecutor, readExecutor } from "../action-executor.ts";
import { listDeletedUsers } from "./deleted-users-page.ts";
import { inviteGuest } from "./guest-invite-executor.ts";
import { createUser } from "./user-create-executor.ts";
import { deleteUser, deleteUserPermanently, restoreUser } from "./user-deletion-executors.ts";

export const userLifecycleExecutors: readonly [ActionId, AnyExecutor][] = [
  [actionIds.usersCreate, createUser],
  [actionIds.usersInviteGuest, inviteGuest],
  [actionIds.usersDelete, deleteUser],
  [actionIds.usersListDeleted, readExecutor<UsersListDeletedInput>(listDeletedUsers)],
  [actionIds.usersRestore, restoreUser],
  [actionIds.usersDeletePermanently, deleteUserPermanently],
];
