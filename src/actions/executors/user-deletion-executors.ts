// users.delete, users.restore and users.delete-permanently: a user between /users, the deleted items and gone.
import type { DeletedUserInput } from "../../catalog/actions/user-lifecycle-actions.ts";
import type { UserTargetInput } from "../../catalog/input-schemas.ts";
import { GraphRequestError } from "../../graph/graph-errors.ts";
import { ActionRefused } from "../action-errors.ts";
import { type ActionContext, type CheckedChange, writeExecutor } from "../action-executor.ts";
import { deleteOrRestore, guardAdminTarget } from "../guards/admin-target-guard.ts";
import { deletedUserTarget, findDeletedUser, guardDeletedAdminTarget, originalUserPrincipalName, requireDeletedUser } from "./deleted-users.ts";
import { type GraphUser, readUser, userTarget } from "./user-reads.ts";

interface UserPlan {
  readonly userId: string;
  readonly userPrincipalName: string;
}

async function activeUser(context: ActionContext, userId: string): Promise<GraphUser | undefined> {
  return readUser(context, userId, ["accountEnabled"]).catch((error: unknown) => {
    if (error instanceof GraphRequestError && error.status === 404) return undefined;
    throw error;
  });
}

export const deleteUser = writeExecutor<UserTargetInput, UserPlan>({
  async prepare(context, input) {
    const user = await readUser(context, input.userId, ["accountEnabled"]);
    const target = userTarget(user);
    if (user.onPremisesSyncEnabled === true) {
      throw new ActionRefused({
        code: "synced_user",
        field: "userId",
        target,
        message: `${user.userPrincipalName} is synced from on-premises Active Directory; Microsoft deletes it in the cloud when it is deleted there, and refuses to delete it here.`,
        fix: "Delete the user in on-premises Active Directory, or move it out of the sync scope; Entra deletes it at the next sync.",
      });
    }
    await guardAdminTarget(context, user.id, target, [deleteOrRestore]);
    return {
      target,
      before: { state: "active", userPrincipalName: user.userPrincipalName, displayName: user.displayName ?? null, accountEnabled: user.accountEnabled ?? null },
      plan: { userId: user.id, userPrincipalName: user.userPrincipalName },
    };
  },
  async apply(context, plan) {
    await context.graph.send({ method: "DELETE", path: `/users/${plan.userId}` });
    return {};
  },
  async check(context, plan): Promise<CheckedChange> {
    if (await activeUser(context, plan.userId)) return { applied: false, after: { state: "active" }, difference: `${plan.userPrincipalName} is still in /users` };
    const deleted = await findDeletedUser(context, plan.userId);
    if (!deleted) return { applied: false, after: { state: "absent" }, difference: `${plan.userPrincipalName} is neither in /users nor among the deleted users` };
    return { applied: true, after: { state: "deleted", deletedDateTime: deleted.deletedDateTime } };
  },
});

export const restoreUser = writeExecutor<DeletedUserInput, UserPlan>({
  async prepare(context, input) {
    const user = await requireDeletedUser(context, input.userId);
    const target = deletedUserTarget(user);
    await guardDeletedAdminTarget(context, user, target);
    const holder = await activeUser(context, originalUserPrincipalName(user));
    if (holder) {
      throw new ActionRefused({
        status: 409,
        code: "upn_taken",
        field: "userId",
        target,
        message: `${originalUserPrincipalName(user)} cannot be restored: the active user ${holder.displayName ?? holder.id} holds that user principal name now.`,
        fix: "Change the user principal name of the active user, or delete it, then restore.",
      });
    }
    return {
      target,
      before: { state: "deleted", userPrincipalName: user.userPrincipalName, deletedDateTime: user.deletedDateTime },
      plan: { userId: user.id, userPrincipalName: user.userPrincipalName },
    };
  },
  async apply(context, plan) {
    await context.graph.send({ method: "POST", path: `/directory/deletedItems/${plan.userId}/restore` });
    return {};
  },
  async check(context, plan): Promise<CheckedChange> {
    const user = await activeUser(context, plan.userId);
    if (!user) return { applied: false, after: { state: (await findDeletedUser(context, plan.userId)) ? "deleted" : "absent" }, difference: `${plan.userPrincipalName} is not back in /users` };
    return { applied: true, after: { state: "active", userPrincipalName: user.userPrincipalName, accountEnabled: user.accountEnabled ?? null } };
  },
});

export const deleteUserPermanently = writeExecutor<DeletedUserInput, UserPlan>({
  async prepare(context, input) {
    const user = await requireDeletedUser(context, input.userId);
    const target = deletedUserTarget(user);
    await guardDeletedAdminTarget(context, user, target);
    return {
      target,
      before: { state: "deleted", userPrincipalName: user.userPrincipalName, deletedDateTime: user.deletedDateTime },
      plan: { userId: user.id, userPrincipalName: user.userPrincipalName },
    };
  },
  async apply(context, plan) {
    await context.graph.send({ method: "DELETE", path: `/directory/deletedItems/${plan.userId}` });
    return {};
  },
  async check(context, plan) {
    const still = await findDeletedUser(context, plan.userId);
    return still ? { applied: false, after: { state: "deleted" }, difference: `${plan.userPrincipalName} is still among the deleted users` } : { applied: true, after: { state: "absent" } };
  },
});
