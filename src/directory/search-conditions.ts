// The WHERE conditions of a user search, as SQL over directory_users `u`, with their values pushed as parameters.
import type { TenantVisibility, UserSearchFilters, UserSearchSort } from "./search-query.ts";
import { plainText, searchedText, type TextMatch } from "./search-text.ts";

export type Param = (value: unknown) => string;

export const nameKey = "lower(coalesce(u.display_name, ''))";
export const upnKey = "lower(u.user_principal_name)";
const mailKey = "lower(u.mail)";

/** Starts of a user's properties that the display name or user principal name does not share (migration 0012). */
const prefixTerms = "directory_user_prefix_terms(u.display_name, u.user_principal_name, u.mail)";
// What the search index of migration 0014 holds beside the text: the tenant, filters as words, the first one or
// two characters of the display name ('n', 'N') and user principal name ('u', 'U').
export const tenantFacet = "ARRAY[u.tenant_id]";
const flags = "directory_user_flags(u.account_enabled, u.synced, u.user_type, u.sku_ids, u.admin_role_ids, u.deleted_at)";
export const startsOf = { n: "directory_user_name_starts(u.display_name)", u: "directory_user_upn_starts(u.user_principal_name)" };

/** Visibility of the tenant in `column`; undefined when every tenant is visible. */
export function visibilityCondition(visible: TenantVisibility, column: string, param: Param): string | undefined {
  const included = visible.include.length > 0 ? `${column} = ANY(${param(visible.include)}::uuid[])` : undefined;
  if (!visible.everyTenant) return included ?? "false";
  if (visible.except.length === 0) return undefined;
  const notExcepted = `${column} <> ALL(${param(visible.except)}::uuid[])`;
  return included ? `(${notExcepted} OR ${included})` : notExcepted;
}

/** The tenants seen as a condition of the search index, when the operator sees only some. */
export function visibleInIndex(visible: TenantVisibility, param: Param): string[] {
  return visible.everyTenant ? [] : [`${tenantFacet} && ${param(visible.include)}::uuid[]`];
}

export interface FilterConditions {
  /** Exact, on the user's row. */
  readonly test: string[];
  /** Those of `test` that the search index does not answer. */
  readonly unindexed: string[];
  /** The filters that pick out few users, again as conditions of the search index (their words are rare). */
  readonly index: string[];
  /** Within one tenant, also synced or not (a common word across tenants, but it splits a tenant's users). */
  readonly inTenant: string[];
}

export function filterConditions(filters: UserSearchFilters, param: Param): FilterConditions {
  const test: string[] = [];
  const unindexed: string[] = [];
  const index: string[] = [];
  const words: string[] = [];
  /** `condition`, and what the search index answers it with. */
  const add = (condition: string, inIndex?: { word: string } | { condition: string }) => {
    test.push(condition);
    if (!inIndex) unindexed.push(condition);
    else if ("word" in inIndex) words.push(inIndex.word);
    else index.push(inIndex.condition);
  };
  if (filters.deleted === true) add("u.deleted_at IS NOT NULL", { word: "deleted" });
  else add("u.deleted_at IS NULL");
  if (filters.tenantId !== undefined) {
    const tenant = param(filters.tenantId);
    add(`u.tenant_id = ${tenant}::uuid`, { condition: `${tenantFacet} @> ARRAY[${tenant}::uuid]` });
  }
  if (filters.enabled !== undefined) add(`u.account_enabled = ${param(filters.enabled)}`, filters.enabled ? undefined : { word: "disabled" });
  // Not as sku_ids = '{}': the search index would take it, and then check every user it finds again.
  if (filters.licensed !== undefined) add(filters.licensed ? "u.sku_ids <> '{}'" : "cardinality(u.sku_ids) = 0", filters.licensed ? undefined : { word: "unlicensed" });
  if (filters.licensedWithSku !== undefined) {
    // The search index holds sku_ids as they are.
    const condition = `u.sku_ids && ${param(filters.licensedWithSku)}::uuid[]`;
    add(condition, { condition });
  }
  if (filters.synced !== undefined) add(`u.synced = ${param(filters.synced)}`);
  if (filters.guest !== undefined) add(filters.guest ? "u.user_type = 'Guest'" : "u.user_type IS DISTINCT FROM 'Guest'", filters.guest ? { word: "guest" } : undefined);
  if (filters.adminRole !== undefined) {
    // Written this way so that the partial index of administrators applies.
    add("u.admin_role_ids <> '{}'", { word: "admin" });
    if (filters.adminRole !== "any") add(`u.admin_role_ids @> ARRAY[${param(filters.adminRole)}::text]`);
  }
  if (words.length > 0) index.push(`${flags} @> ${param(words)}::text[]`);
  const inTenant = filters.synced === undefined ? [] : [`${flags} @> ARRAY['${filters.synced ? "synced" : "cloud"}']`];
  return { test, unindexed, index, inTenant };
}

/** What a part's users must meet: on their rows, in the search index, and, within a tenant, in the index too. */
export interface PartConditions {
  readonly test: readonly string[];
  /** Those of `test` that the search index does not answer. */
  readonly unindexed: readonly string[];
  readonly index: readonly string[];
  readonly inTenant: readonly string[];
}

/**
 * One disjoint part of the text's matches. `range` is a start of the sorted property: a range of its index.
 * `walk` tests a row met in the sort order cheaply; `find` finds the rows through the search index, and `check`
 * then keeps those of the part.
 */
export interface TextBranch {
  readonly range?: string;
  /**
   * The same range as bounds of the sorted property, the upper one hidden from PostgreSQL's estimates (a coarse
   * sample can make it expect a range too small to walk, and sort it instead): for a walk, where the database
   * compares text by code point.
   */
  readonly walkRange?: string;
  readonly walk: readonly string[];
  readonly find: readonly string[];
  readonly check: readonly string[];
  /** The first characters of the range part's keys (lower-cased): a lookup of this part need not read them. */
  readonly avoid?: string;
  /**
   * The part's matches are about those of `all` less those of `less`. PostgreSQL takes conditions as unrelated;
   * for "holds the text, but does not start with it" that would count most users that start with it.
   */
  readonly expected?: { readonly all: readonly string[]; readonly less: readonly string[] };
}

/** The range a walk reads: by its bounds where the database compares text by code point. */
export const walkedRange = (branch: TextBranch, byCodePoint = false) => (byCodePoint ? (branch.walkRange ?? branch.range) : branch.range);

/**
 * The text's parts, disjoint. Either way one part is a range of the sort index: the sorted property (display
 * name, or user principal name) starts with the text. From three characters, the other part is search_text
 * holding it elsewhere (trigrams). One or two characters make two other parts: the other property, or the mail,
 * starts with them while the sorted one does not (usually few users, found through the prefix terms of migration
 * 0012).
 */
export function textBranches(text: TextMatch, sort: UserSearchSort, param: Param): TextBranch[] {
  if (text.kind === "none") return [{ walk: [], find: [], check: [] }];
  const starts = `lower(${param(text.starts)})`;
  const startWith = (key: string) => `${key} LIKE ${starts}`;
  const startNotWith = (key: string) => `${key} NOT LIKE ${starts}`;
  const byUpn = sort === "userPrincipalName";
  const [sorted, other] = byUpn ? [upnKey, nameKey] : [nameKey, upnKey];
  // Every key starting with the text lies from the text to the text followed by the last code point many times.
  const plain = `lower(${param(plainText(text))})`;
  const walkRange = `${sorted} >= ${plain} AND ${sorted} <= (SELECT ${plain} || repeat(chr(1114111), 300))`;
  if (text.kind === "substring") {
    const contains = `u.search_text LIKE lower(${param(text.contains)})`;
    return [
      { range: startWith(sorted), walkRange, walk: [startWith(sorted)], find: [contains], check: [startWith(sorted)] },
      {
        walk: [contains, startNotWith(sorted)],
        find: [contains],
        check: [startNotWith(sorted)],
        avoid: [...searchedText(text)].slice(0, 2).join(""),
        expected: { all: [contains], less: [startWith(sorted)] },
      },
    ];
  }
  const start = param(text.start);
  const property = byUpn ? "u" : "n";
  const letter = [...text.start].length === 1 ? property : property.toUpperCase();
  const sortedStarts = `${startsOf[property]} @> ARRAY['${letter}' || lower(${start})]`;
  const term = (property: "n" | "u" | "m") => `${prefixTerms} @> ARRAY['${property}:' || lower(${start})]`;
  return [
    { range: startWith(sorted), walkRange, walk: [startWith(sorted)], find: [sortedStarts], check: [startWith(sorted)] },
    { walk: [startWith(other), startNotWith(sorted)], find: [term(byUpn ? "n" : "u")], check: [] },
    { walk: [startWith(mailKey), startNotWith(sorted), startNotWith(other)], find: [term("m")], check: [] },
  ];
}
