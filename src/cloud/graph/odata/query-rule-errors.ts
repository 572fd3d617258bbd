import { ODataQueryError } from "./odata-error.ts";

// Graph's wording for refused directory queries. Sources: "Advanced query capabilities on directory
// objects" (learn.microsoft.com/graph/aad-advanced-queries, error handling section) and error
// bodies reported from the service in microsoftgraph/microsoft-graph-docs-contrib issues.

const ADVANCED_HINT =
  "is not supported because the required parameters might be missing. Try adding $count=true query parameter " +
  "and ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information";

function unsupported(message: string): ODataQueryError {
  return new ODataQueryError(400, "Request_UnsupportedQuery", message);
}

/** `not` or `endsWith` without ConsistencyLevel: eventual and $count=true. */
export function operatorNeedsAdvancedQuery(operator: "not" | "endsWith"): ODataQueryError {
  return unsupported(`Operator '${operator}' ${ADVANCED_HINT}`);
}

/** `ne` without advanced query parameters (Graph names the operator by its internal name). */
export function notEqualsNeedsAdvancedQuery(): ODataQueryError {
  return unsupported("Filter operator 'NotEqualsMatch' is not supported.");
}

export function unsupportedPropertyClause(property: string, resourceName: string): ODataQueryError {
  return unsupported(
    `Unsupported or invalid query filter clause specified for property '${property}' of resource '${resourceName}'.`,
  );
}

export function undeclaredProperty(property: string): ODataQueryError {
  return unsupported(`Property '${property}' does not exist as a declared property or extension property.`);
}

export function tooManyOrClauses(count: number, max: number): ODataQueryError {
  return unsupported(
    `Too many child clauses specified in search filter expression containing 'OR' operators: ${count}. Max allowed: ${max}.`,
  );
}

export function sortingNotSupported(): ODataQueryError {
  return unsupported("Sorting not supported for current query.");
}

export function searchNeedsConsistencyHeader(): ODataQueryError {
  return unsupported(
    "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
  );
}

/** The generic refusal, used where Graph's exact wording for a case is not documented. */
export function unsupportedQuery(): ODataQueryError {
  return unsupported("Unsupported Query.");
}

/** `$count` (segment, or inside $filter) without advanced query parameters. */
export function countNotSupported(): ODataQueryError {
  return new ODataQueryError(400, "Request_BadRequest", "$count is not currently supported.");
}
