import type { FilterNode } from "./filter-ast.ts";
import { checkFilterRules } from "./filter-rules.ts";
import { GROUP_QUERY_PROPERTIES } from "./group-query-properties.ts";
import type { OrderBy } from "./orderby.ts";
import type { ResourceQueryProperties } from "./query-property-support.ts";
import {
  countNotSupported,
  searchNeedsConsistencyHeader,
  sortingNotSupported,
  undeclaredProperty,
  unsupportedPropertyClause,
} from "./query-rule-errors.ts";
import { type SearchExpr, searchProperties } from "./search.ts";
import { USER_QUERY_PROPERTIES } from "./user-query-properties.ts";

export type DirectoryResource = "users" | "groups";

export interface DirectoryQuery {
  readonly filter?: FilterNode;
  readonly orderBy?: readonly OrderBy[];
  readonly search?: SearchExpr;
  /** `$count=true`. */
  readonly count: boolean;
  /** Header `ConsistencyLevel: eventual`. */
  readonly consistencyEventual: boolean;
  /** The request addresses the `/$count` segment. */
  readonly countSegment?: boolean;
}

const RESOURCES: Record<DirectoryResource, ResourceQueryProperties> = {
  users: USER_QUERY_PROPERTIES,
  groups: GROUP_QUERY_PROPERTIES,
};

/**
 * Advanced query parameters are on: `ConsistencyLevel: eventual` together with $count (the query
 * parameter or the /$count segment).
 */
export function isAdvancedQuery(q: DirectoryQuery): boolean {
  return q.consistencyEventual && (q.count || q.countSegment === true);
}

/** Graph silently ignores `$count=true` without `ConsistencyLevel: eventual`; only then is @odata.count returned. */
export function reportsCount(q: DirectoryQuery): boolean {
  return q.count && q.consistencyEventual;
}

/**
 * Throws the ODataQueryError Graph answers for a users or groups query it refuses: $count segment
 * or $search without ConsistencyLevel, $filter clauses needing advanced queries or unsupported by a
 * property, and $orderby on an unsortable property or combined with $filter outside advanced queries.
 */
export function checkQueryRules(resource: DirectoryResource, q: DirectoryQuery): void {
  const properties = RESOURCES[resource];
  const advanced = isAdvancedQuery(q);
  if (q.countSegment && !q.consistencyEventual) throw countNotSupported();
  if (q.search) {
    if (!q.consistencyEventual) throw searchNeedsConsistencyHeader();
    checkSearchProperties(q.search, properties);
  }
  if (q.filter) checkFilterRules(q.filter, properties, advanced);
  if (q.orderBy && q.orderBy.length > 0) checkOrderBy(q.orderBy, q.filter !== undefined, properties, advanced);
}

function checkOrderBy(
  orderBy: readonly OrderBy[],
  hasFilter: boolean,
  properties: ResourceQueryProperties,
  advanced: boolean,
): void {
  if (hasFilter && !advanced) throw sortingNotSupported();
  for (const { property } of orderBy) {
    const key = Object.keys(properties.orderBy).find((name) => name.toLowerCase() === property.toLowerCase());
    const level = key === undefined ? undefined : properties.orderBy[key];
    if (level === undefined || (level === "advanced" && !advanced)) throw sortingNotSupported();
  }
}

// "Any property that can be used in $filter can also be used inside $search" (Use the $search
// query parameter, directory objects section): a scalar or string-collection property with eq.
function checkSearchProperties(search: SearchExpr, properties: ResourceQueryProperties): void {
  for (const property of searchProperties(search)) {
    const declared = properties.declared.find((name) => name.toLowerCase() === property.toLowerCase());
    if (declared === undefined) throw undeclaredProperty(property);
    const support = properties.filter[declared] ?? properties.filter[`${declared}/any`];
    if (support?.eq === undefined && support?.startsWith === undefined) {
      throw unsupportedPropertyClause(declared, properties.resourceName);
    }
  }
}
