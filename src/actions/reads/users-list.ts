// users.list: one page of a tenant's users, live from Graph, searched and filtered by Graph itself.
import type { UsersListInput } from "../../catalog/actions/user-read-actions.ts";
import type { ActionContext } from "../action-executor.ts";
import { defaultPageSize, type ListPage, readPage } from "./graph-pages.ts";
import { odataString, queryString, searchClause } from "./odata-text.ts";
import { productNameOf, skuPartNumberOf } from "./sku-names.ts";

export interface UserRow {
  readonly id: string;
  readonly displayName: string | null;
  readonly userPrincipalName: string;
  readonly mail: string | null;
  readonly accountEnabled: boolean | null;
  readonly userType: string | null;
  /** Synced from on-premises Active Directory. */
  readonly synced: boolean;
  /** SKU part numbers of the licences in effect. */
  readonly licenses: string[];
  /** The same licences by product name, e.g. "Microsoft 365 E3". */
  readonly licenseNames: string[];
  readonly jobTitle: string | null;
  readonly department: string | null;
}

interface GraphUserRow {
  readonly id: string;
  readonly displayName?: string | null;
  readonly userPrincipalName: string;
  readonly mail?: string | null;
  readonly accountEnabled?: boolean | null;
  readonly userType?: string | null;
  readonly onPremisesSyncEnabled?: boolean | null;
  readonly assignedLicenses?: { skuId: string }[] | null;
  readonly jobTitle?: string | null;
  readonly department?: string | null;
}

const users = { path: "/users" };
const selected = "id,displayName,userPrincipalName,mail,accountEnabled,userType,onPremisesSyncEnabled,assignedLicenses,jobTitle,department";

/** The searched properties: displayName by words (so "smith" finds "Anna Smith"), the others by prefix. */
const searchedProperties = ["displayName", "userPrincipalName", "mail"];

/**
 * Graph's query for the input. `ne`, `$count` filters and `$search` are advanced queries, which Microsoft
 * answers only with `ConsistencyLevel: eventual` and `$count=true`; simple filters stay simple so that
 * a user created a moment ago is found.
 */
export function usersQuery(input: UsersListInput): string {
  const filters: string[] = [];
  let advanced = input.search !== undefined;
  if (input.accountEnabled !== undefined) filters.push(`accountEnabled eq ${input.accountEnabled}`);
  if (input.userType !== undefined) filters.push(`userType eq ${odataString(input.userType)}`);
  if (input.synced === true) filters.push("onPremisesSyncEnabled eq true");
  if (input.synced === false) {
    // Cloud-only users have onPremisesSyncEnabled null, not false.
    filters.push("onPremisesSyncEnabled ne true");
    advanced = true;
  }
  if (input.licensed !== undefined) {
    filters.push(`assignedLicenses/$count ${input.licensed ? "ne" : "eq"} 0`);
    advanced = true;
  }
  return `${users.path}${queryString({
    $select: selected,
    $top: String(input.top ?? defaultPageSize),
    $filter: filters.length ? filters.join(" and ") : undefined,
    $search: input.search === undefined ? undefined : searchedProperties.map((p) => searchClause(p, input.search!)).join(" OR "),
    $count: advanced ? "true" : undefined,
  })}`;
}

function row(user: GraphUserRow): UserRow {
  return {
    id: user.id,
    displayName: user.displayName ?? null,
    userPrincipalName: user.userPrincipalName,
    mail: user.mail ?? null,
    accountEnabled: user.accountEnabled ?? null,
    userType: user.userType ?? null,
    synced: user.onPremisesSyncEnabled === true,
    licenses: (user.assignedLicenses ?? []).map((l) => skuPartNumberOf(l.skuId)),
    licenseNames: (user.assignedLicenses ?? []).map((l) => productNameOf(l.skuId)),
    jobTitle: user.jobTitle ?? null,
    department: user.department ?? null,
  };
}

export function listUsers(context: ActionContext, input: UsersListInput): Promise<ListPage<UserRow>> {
  return readPage(context, users, usersQuery(input), input.cursor, row);
}
