// One page of deleted users; its cursor can only lead back into the same Graph collection of the same tenant.
import type { UsersListDeletedInput } from "../../catalog/actions/user-lifecycle-actions.ts";
import type { ActionContext } from "../action-executor.ts";
import { type ListPage, readPage } from "../reads/graph-pages.ts";
import { odataString, queryString } from "../reads/odata-text.ts";
import { type DeletedUser, deletedUserProperties, deletedUsersPath } from "./deleted-users.ts";

const collection = { path: deletedUsersPath };

/**
 * Prefix search on display name and mail. Not on the user principal name: Entra prefixes a deleted user's
 * name with its object id (which frees the name), so no prefix of the name it had can match.
 */
function searchFilter(search: string): string {
  const literal = odataString(search);
  return `startswith(displayName,${literal}) or startswith(mail,${literal})`;
}

function firstPagePath(input: UsersListDeletedInput): string {
  return `${deletedUsersPath}${queryString({ $select: deletedUserProperties.join(","), $top: String(input.top ?? 100), $filter: input.search ? searchFilter(input.search) : undefined })}`;
}

function row(user: DeletedUser): DeletedUser {
  return {
    id: user.id,
    displayName: user.displayName ?? null,
    userPrincipalName: user.userPrincipalName,
    mail: user.mail ?? null,
    userType: user.userType ?? null,
    onPremisesSyncEnabled: user.onPremisesSyncEnabled ?? null,
    deletedDateTime: user.deletedDateTime ?? null,
  };
}

/** The deleted users, a page at a time; a cursor carries its own search and page size. */
export function listDeletedUsers(context: ActionContext, input: UsersListDeletedInput): Promise<ListPage<DeletedUser>> {
  return readPage(context, collection, firstPagePath(input), input.cursor, row);
}
