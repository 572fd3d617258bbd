import type { AccessAdministration } from "../access/access-administration.ts";
import { registerAccessCheckRoute } from "./access-check-route.ts";
import { registerAssignmentRoutes } from "./access-assignments-routes.ts";
import { registerOperatorRoutes } from "./access-operators-routes.ts";
import { registerRoleRoutes } from "./access-roles-routes.ts";
import type { ZodApp } from "./zod-app.ts";

/** Who may do what in Tenantry: operators, roles, tenant groups, role assignments, and checking a decision. */
export function registerAccessRoutes(app: ZodApp, access: AccessAdministration): void {
  registerOperatorRoutes(app, access.operators);
  registerRoleRoutes(app, access);
  registerAssignmentRoutes(app, access);
  registerAccessCheckRoute(app, access.check);
}
