// One page of deleted users, with a cursor that can only ever lead back into the same Graph collection.
import type { UsersListDeletedInput } from "../../catalog/actions/user-lifecycle-actions.ts";
import { ActionInputError } from "../action-errors.ts";
import type { ActionContext } from "../action-executor.ts";
import { type DeletedUser, deletedUserProperties, deletedUsersPath } from "./deleted-users.ts";

export interface DeletedUsersPage {
  readonly value: readonly DeletedUser[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

const collectionPrefix = `${deletedUsersPath}?`;

/** Graph's @odata.nextLink as an opaque cursor: the path and query below /v1.0, base64url-encoded. */
function cursorOf(nextLink: string | undefined): string | null {
  if (!nextLink) return null;
  const url = new URL(nextLink);
  const relative = `${url.pathname.replace(/^\/v1\.0/, "")}${url.search}`;
  if (!relative.startsWith(collectionPrefix)) throw new Error(`Graph's next page link leads outside ${deletedUsersPath}: ${nextLink}`);
  return Buffer.from(relative, "utf8").toString("base64url");
}

/** A cursor taken back: it must decode to a query on the deleted users collection and nothing else. */
function pathOfCursor(cursor: string): string {
  const invalid = () => new ActionInputError("cursor", "Not a cursor of this list; pass the nextCursor of a previous page unchanged.");
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  const path = Buffer.from(cursor, "base64url").toString("utf8");
  if (!path.startsWith(collectionPrefix) || /[\s#\\]/.test(path) || path.includes("://")) throw invalid();
  return path;
}

/** Prefix search on name and user principal name, as an OData string literal safely quoted. */
function searchFilter(search: string): string {
  const literal = `'${search.replaceAll("'", "''")}'`;
  return `startswith(displayName,${literal}) or startswith(userPrincipalName,${literal})`;
}

function firstPagePath(input: UsersListDeletedInput): string {
  const query = [`$select=${deletedUserProperties.join(",")}`, `$top=${input.top ?? 100}`];
  if (input.search) query.push(`$filter=${encodeURIComponent(searchFilter(input.search))}`);
  return `${collectionPrefix}${query.join("&")}`;
}

/** The deleted users, a page at a time; a cursor carries its own search and page size. */
export async function listDeletedUsers(context: ActionContext, input: UsersListDeletedInput): Promise<DeletedUsersPage> {
  const path = input.cursor ? pathOfCursor(input.cursor) : firstPagePath(input);
  const page = await context.graph.get<{ value: DeletedUser[]; "@odata.nextLink"?: string }>(path);
  return {
    value: page.body.value.map((u) => ({
      id: u.id,
      displayName: u.displayName ?? null,
      userPrincipalName: u.userPrincipalName,
      mail: u.mail ?? null,
      userType: u.userType ?? null,
      onPremisesSyncEnabled: u.onPremisesSyncEnabled ?? null,
      deletedDateTime: u.deletedDateTime ?? null,
    })),
    nextCursor: cursorOf(page.body["@odata.nextLink"]),
  };
}
