export {
  checkQueryRules,
  type DirectoryQuery,
  type DirectoryResource,
  isAdvancedQuery,
  reportsCount,
} from "./advanced-query-rules.ts";
export { compileFilter } from "./filter-evaluator.ts";
export {
  type ComparisonOperator,
  type CountNode,
  type FilterNode,
  type LiteralNode,
  type LiteralType,
  type PropertyNode,
  parseFilter,
  type ValueNode,
  type VariableNode,
} from "./filter-parser.ts";
export { GROUP_PROPERTY_NAMES, GROUP_QUERY_PROPERTIES } from "./group-query-properties.ts";
export { ODataQueryError } from "./odata-error.ts";
export { compareBy, type OrderBy, parseOrderBy } from "./orderby.ts";
export { decodeSkipToken, encodeSkipToken, parseTop } from "./paging.ts";
export type {
  CountFilterSupport,
  FilterSupport,
  QuerySupport,
  ResourceQueryProperties,
} from "./query-property-support.ts";
export { type PropertyReader, readIgnoringCase, readPath } from "./read-property.ts";
export { compileSearch, parseSearch, type SearchExpr } from "./search.ts";
export { applySelect, parseSelect } from "./select.ts";
export {
  USER_DEFAULT_PROPERTIES,
  USER_PROPERTY_NAMES,
  USER_QUERY_PROPERTIES,
} from "./user-query-properties.ts";
