import { z } from "zod";
import type { CustomRolesAdmin } from "../access/custom-roles-admin.ts";
import { platformRoleIds } from "../access/platform-roles.ts";
import type { RoleDirectory } from "../access/role-directory.ts";
import { ActionRefused } from "../actions/action-errors.ts";
import { errorSchema } from "./api-schemas.ts";
import { customRoleBody, customRoleSchema, nameParams, roleDetailsSchema, roleRef, roleSummarySchema } from "./access-schemas.ts";
import { actorOf } from "./request-caller.ts";
import type { ZodApp } from "./zod-app.ts";

const tags = ["roles"];
const platformOnly = { requires: platformRoleIds.platformAdministrator };
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** Roles an assignment may name: Entra's built-in roles, custom roles, Tenantry's platform roles. Reading them needs no role. */
export function registerRoleRoutes(app: ZodApp, deps: { roles: RoleDirectory; customRoles: CustomRolesAdmin }): void {
  app.get(
    "/api/roles",
    { schema: { tags, summary: "Entra's built-in roles (with whether Tenantry's catalog uses them), the custom roles and Tenantry's platform roles", response: { 200: z.object({ value: z.array(roleSummarySchema) }), 401: errorSchema } } },
    async () => ({ value: await deps.roles.list() }),
  );

  app.get(
    "/api/roles/:role",
    { schema: { tags, summary: "A role by template id, name or custom role id, with its actions and the catalog actions it allows", params: z.strictObject({ role: roleRef }), response: { 200: roleDetailsSchema, ...errors } } },
    async (request) => {
      const role = await deps.roles.details(request.params.role);
      if (!role) throw new ActionRefused({ status: 404, code: "role_not_found", message: `There is no role ${request.params.role}.`, fix: "List the roles with `tenantry roles list`." });
      return role;
    },
  );

  app.put(
    "/api/custom-roles/:name",
    { config: platformOnly, schema: { tags, summary: "Create a custom role (a named subset of built-in role actions) or replace it", params: nameParams, body: customRoleBody, response: { 200: customRoleSchema, 201: customRoleSchema, ...errors } } },
    async (request, reply) => {
      const { role, created } = await deps.customRoles.put(request.params.name, request.body, actorOf(request));
      return reply.status(created ? 201 : 200).send(role);
    },
  );

  app.delete(
    "/api/custom-roles/:name",
    { config: platformOnly, schema: { tags, summary: "Delete a custom role no assignment names", params: nameParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await deps.customRoles.remove(request.params.name, actorOf(request));
      return reply.status(204).send(null);
    },
  );
}
