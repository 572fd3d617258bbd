import type { GraphCall, GraphRoute } from "../graph-call.ts";
import { route } from "../graph-call.ts";
import { badRequest } from "../graph-error.ts";
import { activeUser } from "./users-routes.ts";
import { notConvertible } from "./user-values.ts";

function securityEnabledOnly(call: GraphCall): boolean {
  const value = call.body().securityEnabledOnly;
  if (value === undefined) throw badRequest("Invalid request body: the parameter 'securityEnabledOnly' is required.");
  if (typeof value !== "boolean") throw notConvertible(value, "Edm.Boolean");
  return value;
}

/**
 * `getMemberGroups` and `getMemberObjects` of a user: ids of the groups it belongs to directly or through nested
 * groups, security groups only when asked; `getMemberObjects` adds the directory roles when all are asked for.
 * The overage claim of an ID token points here.
 */
function memberIds(call: GraphCall, withRoles: boolean) {
  const user = activeUser(call.tenant, call.params.userId!);
  const securityOnly = securityEnabledOnly(call);
  const groups = call.tenant.activeTransitiveGroupsOf(user.id, securityOnly);
  const roles = withRoles && !securityOnly ? [...call.tenant.rolesOf(user.id)] : [];
  return { status: 200, body: { "@odata.context": `${call.context.baseUrl}/v1.0/$metadata#Collection(Edm.String)`, value: [...groups.sort(), ...roles.sort()] } };
}

export function memberObjectsRoutes(): GraphRoute[] {
  return [
    route("POST", "/users/{userId}/getMemberGroups", (call) => memberIds(call, false)),
    route("POST", "/users/{userId}/getMemberObjects", (call) => memberIds(call, true)),
  ];
}
