// Deleted users (Entra keeps them restorable for 30 days) read from Graph's deleted items collection.
import type { AuditTarget } from "../../audit/audit-entry.ts";
import { ActionRefused } from "../action-errors.ts";
import { deleteOrRestore, guardKnownAdminRoles } from "../guards/admin-target-guard.ts";
import { odataString } from "../reads/odata-text.ts";
import { readAssignmentsOf } from "../reads/user-details.ts";
import type { ActionContext } from "../action-executor.ts";

export const deletedUsersPath = "/directory/deletedItems/microsoft.graph.user";

export const deletedUserProperties = ["id", "displayName", "userPrincipalName", "mail", "userType", "onPremisesSyncEnabled", "deletedDateTime"] as const;

export interface DeletedUser {
  readonly id: string;
  readonly displayName: string | null;
  readonly userPrincipalName: string;
  readonly mail?: string | null;
  readonly userType?: string | null;
  readonly onPremisesSyncEnabled?: boolean | null;
  readonly deletedDateTime: string | null;
}

interface Page<T> {
  readonly value: T[];
  readonly "@odata.nextLink"?: string;
}

/** The deleted user with this object id, or undefined when none is among the deleted users. */
export async function findDeletedUser(context: ActionContext, userId: string): Promise<DeletedUser | undefined> {
  const filter = encodeURIComponent(`id eq ${odataString(userId)}`);
  const page = await context.graph.get<Page<DeletedUser>>(`${deletedUsersPath}?$filter=${filter}&$select=${deletedUserProperties.join(",")}`);
  return page.body.value.find((u) => u.id.toLowerCase() === userId.toLowerCase());
}

/** A deleted user or a refusal that says where the user is, for restore and permanent deletion. */
export async function requireDeletedUser(context: ActionContext, userId: string): Promise<DeletedUser> {
  const user = await findDeletedUser(context, userId);
  if (user) return user;
  throw new ActionRefused({
    status: 404,
    code: "deleted_user_not_found",
    field: "userId",
    message: `No deleted user with the id ${userId} exists in ${context.tenant.tenantName}.`,
    fix: "List the deleted users (users.list-deleted) for their ids; a user deleted more than 30 days ago is gone for good, and an active user must be deleted first.",
  });
}

/** Entra renames a deleted user to its object id (without dashes) followed by the name it had. */
export function originalUserPrincipalName(user: DeletedUser): string {
  const prefix = user.id.replaceAll("-", "").toLowerCase();
  return user.userPrincipalName.toLowerCase().startsWith(prefix) ? user.userPrincipalName.slice(prefix.length) : user.userPrincipalName;
}

export function deletedUserTarget(user: DeletedUser): AuditTarget {
  return { id: user.id, kind: "user", display: originalUserPrincipalName(user) };
}

/**
 * Restoring or purging a deleted administrator is one of Microsoft's sensitive actions. A deleted user's
 * group memberships cannot be read, so only its directory roles decide here; Graph checks the rest.
 */
export async function guardDeletedAdminTarget(context: ActionContext, user: DeletedUser, target: AuditTarget): Promise<void> {
  const roleTemplateIds = (await readAssignmentsOf(context, user.id)).map((a) => a.roleDefinitionId.toLowerCase());
  if (roleTemplateIds.length === 0) return;
  await guardKnownAdminRoles(context, { roleTemplateIds, inRoleAssignableGroup: false }, target, [deleteOrRestore]);
}
