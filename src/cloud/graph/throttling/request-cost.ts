/**
 * Base resource-unit costs of identity requests ("Microsoft Graph service-specific throttling limits").
 * Paths are the route templates of the local cloud; `me/...` costs apply to `users/{id}/...` as Microsoft notes.
 */
const getCosts: Readonly<Record<string, number>> = {
  "/users": 2,
  "/applications": 2,
  "/subscribedSkus": 3,
  "/groups/{groupId}/members": 3,
  "/groups/{groupId}/transitiveMembers": 5,
  "/users/{userId}/licenseDetails": 2,
  "/users/{userId}/memberOf": 2,
  "/users/{userId}/transitiveMemberOf": 2,
  "/users/{userId}/ownedObjects": 2,
  "/servicePrincipals/{spId}/appRoleAssignments": 2,
};

export interface RequestCost {
  readonly resourceUnits: number;
  readonly writes: number;
}

export function requestCost(method: string, pattern: string, query: URLSearchParams): RequestCost {
  if (method !== "GET") return { resourceUnits: 1, writes: 1 };
  let units = getCosts[pattern] ?? 1;
  if (query.has("$select")) units -= 1;
  if (query.has("$expand")) units += 1;
  const top = Number(query.get("$top"));
  if (query.has("$top") && top < 20) units -= 1;
  return { resourceUnits: Math.max(1, units), writes: 0 };
}
