// Routes that need a Tenantry platform role say so in their config; the check runs before the body is
// validated, so a caller without the role learns nothing about what the route would accept.
import type { FastifyRequest } from "fastify";
import type { PlatformRoleId } from "../access/platform-roles.ts";
import { requirePlatformRole } from "./request-caller.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The platform role a route needs. */
    requires?: PlatformRoleId;
  }
}

export async function checkRouteRequirement(request: FastifyRequest): Promise<void> {
  const role = request.routeOptions.config.requires;
  if (role) requirePlatformRole(request, role);
}
