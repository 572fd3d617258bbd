// The sort orders of a search as SQL: their keys, each order ending with tenant id and user id so that every
// user has one place, and "after the cursor" in each.
import { nameKey, upnKey } from "./search-conditions.ts";
import type { UserSearchSort } from "./search-query.ts";

export const tenantName = "coalesce(c.display_name, c.default_domain, c.tenant_id::text)";
export const tenantKey = `lower(${tenantName})`;

export const sortKeys: Record<UserSearchSort, readonly string[]> = {
  displayName: [nameKey, "u.tenant_id", "u.id"],
  userPrincipalName: [upnKey, "u.tenant_id", "u.id"],
  tenant: [tenantKey, "u.tenant_id", nameKey, "u.id"],
};

/** Which keys are uuids (the others are text). */
export const uuidKeys: Record<UserSearchSort, readonly boolean[]> = {
  displayName: [false, true, true],
  userPrincipalName: [false, true, true],
  tenant: [false, true, false, true],
};

export const orderBy = (keys: readonly string[], direction: string) => keys.map((key) => `${key} ${direction}`).join(", ");

/** The names the keys are selected as: k0, k1, … */
export const keyAliases = (sort: UserSearchSort) => sortKeys[sort].map((_, i) => `k${i}`);

/** The user and its place in the sort order, as the parts of a search give them. */
export const located = (sort: UserSearchSort, keys: readonly string[] = sortKeys[sort]) => ["u.tenant_id", "u.id", ...keys.map((key, i) => `${key} AS k${i}`)].join(", ");

/**
 * After the cursor in the sort order. As one row comparison, an index walk starts there; beside a range of the
 * first key (a prefix, or a tenant's users), PostgreSQL would start from the row comparison rather than the
 * range, so it is then written as a bound of the first key and the comparison spelt out.
 */
export function afterCursor(keys: readonly string[], values: readonly string[], after: ">" | "<", beside: "alone" | "range"): string[] {
  if (beside === "alone") return [`(${keys.join(", ")}) ${after} (${values.join(", ")})`];
  const spelt = keys.map((key, i) => [...keys.slice(0, i).map((k, j) => `${k} = ${values[j]}`), `${key} ${after} ${values[i]}`].join(" AND "));
  return [`${keys[0]} ${after}= ${values[0]}`, `(${spelt.map((c) => `(${c})`).join(" OR ")})`];
}
