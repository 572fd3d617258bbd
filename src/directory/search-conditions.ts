// The WHERE conditions of a user search, as SQL over directory_users `u`, with their values pushed as parameters.
import type { TenantVisibility, UserSearchFilters, UserSearchSort } from "./search-query.ts";
import type { TextMatch } from "./search-text.ts";

export type Param = (value: unknown) => string;

export const nameKey = "lower(coalesce(u.display_name, ''))";
export const upnKey = "lower(u.user_principal_name)";
const mailKey = "lower(u.mail)";

/** Starts of a user's properties that the display name or user principal name does not share (migration 0012). */
const prefixTerms = "directory_user_prefix_terms(u.display_name, u.user_principal_name, u.mail)";

/** Visibility of the tenant in `column`; undefined when every tenant is visible. */
export function visibilityCondition(visible: TenantVisibility, column: string, param: Param): string | undefined {
  const included = visible.include.length > 0 ? `${column} = ANY(${param(visible.include)}::uuid[])` : undefined;
  if (!visible.everyTenant) return included ?? "false";
  if (visible.except.length === 0) return undefined;
  const notExcepted = `${column} <> ALL(${param(visible.except)}::uuid[])`;
  return included ? `(${notExcepted} OR ${included})` : notExcepted;
}

export function filterConditions(filters: UserSearchFilters, param: Param): string[] {
  const conditions = [filters.deleted === true ? "u.deleted_at IS NOT NULL" : "u.deleted_at IS NULL"];
  if (filters.tenantId !== undefined) conditions.push(`u.tenant_id = ${param(filters.tenantId)}::uuid`);
  if (filters.enabled !== undefined) conditions.push(`u.account_enabled = ${param(filters.enabled)}`);
  if (filters.licensed !== undefined) conditions.push(filters.licensed ? "u.sku_ids <> '{}'" : "u.sku_ids = '{}'");
  if (filters.licensedWithSku !== undefined) conditions.push(`u.sku_ids && ${param(filters.licensedWithSku)}::uuid[]`);
  if (filters.synced !== undefined) conditions.push(`u.synced = ${param(filters.synced)}`);
  if (filters.guest !== undefined) conditions.push(filters.guest ? "u.user_type = 'Guest'" : "u.user_type IS DISTINCT FROM 'Guest'");
  if (filters.adminRole !== undefined) {
    // Written this way so that the partial index of administrators applies.
    conditions.push("u.admin_role_ids <> '{}'");
    if (filters.adminRole !== "any") conditions.push(`u.admin_role_ids @> ARRAY[${param(filters.adminRole)}::text]`);
  }
  return conditions;
}

/**
 * One disjoint part of the text's matches. `range` is a start of the sorted property: a range of its index.
 * `walk` tests a row met in the sort order cheaply; `find` finds the rows through an index.
 */
export interface TextBranch {
  readonly range?: string;
  readonly walk: readonly string[];
  readonly find: readonly string[];
  /**
   * The part's matches are about those of `all` less those of `less`. PostgreSQL takes conditions as unrelated;
   * for "holds the text, but does not start with it" that would count most users that start with it.
   */
  readonly expected?: { readonly all: readonly string[]; readonly less: readonly string[] };
}

/**
 * The text's parts, disjoint. Either way one part is a range of the sort index: the sorted property (display
 * name, or user principal name) starts with the text. From three characters, the other part is search_text
 * holding it elsewhere (the trigram index). One or two characters make two other parts: the other property, or
 * the mail, starts with them while the sorted one does not (usually few users, found through the prefix terms'
 * index of migration 0012).
 */
export function textBranches(text: TextMatch, sort: UserSearchSort, param: Param): TextBranch[] {
  if (text.kind === "none") return [{ walk: [], find: [] }];
  const starts = `lower(${param(text.starts)})`;
  const startWith = (key: string) => `${key} LIKE ${starts}`;
  const startNotWith = (key: string) => `${key} NOT LIKE ${starts}`;
  const byUpn = sort === "userPrincipalName";
  const [sorted, other] = byUpn ? [upnKey, nameKey] : [nameKey, upnKey];
  const range = { range: startWith(sorted), walk: [startWith(sorted)], find: [startWith(sorted)] };
  if (text.kind === "substring") {
    const contains = `u.search_text LIKE lower(${param(text.contains)})`;
    const elsewhere = [contains, startNotWith(sorted)];
    return [range, { walk: elsewhere, find: elsewhere, expected: { all: [contains], less: [startWith(sorted)] } }];
  }
  const start = param(text.start);
  const term = (property: "n" | "u" | "m") => `${prefixTerms} @> ARRAY['${property}:' || lower(${start})]`;
  return [
    range,
    { walk: [startWith(other), startNotWith(sorted)], find: [term(byUpn ? "n" : "u")] },
    { walk: [startWith(mailKey), startNotWith(sorted), startNotWith(other)], find: [term("m")] },
  ];
}
