import { z } from "zod";
import { platformRoleIds } from "../access/platform-roles.ts";
import type { RoleAssignmentsAdmin } from "../access/role-assignments-admin.ts";
import type { TenantGroupsAdmin } from "../access/tenant-groups-admin.ts";
import { errorSchema, guid } from "./api-schemas.ts";
import { assignmentBody, assignmentSchema, nameParams, operatorRef, tenantGroupBody, tenantGroupSchema } from "./access-schemas.ts";
import { actorOf } from "./request-caller.ts";
import type { ZodApp } from "./zod-app.ts";

const platformOnly = { requires: platformRoleIds.platformAdministrator };
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** Role assignments (principal x role x scope) and the tenant groups their scopes may name. */
export function registerAssignmentRoutes(app: ZodApp, deps: { assignments: RoleAssignmentsAdmin; tenantGroups: TenantGroupsAdmin }): void {
  const tags = ["role-assignments"];

  app.get(
    "/api/role-assignments",
    {
      config: platformOnly,
      schema: { tags, summary: "Every role assignment, or those an operator holds (its own and its groups')", querystring: z.strictObject({ operator: operatorRef.optional() }), response: { 200: z.object({ value: z.array(assignmentSchema) }), ...errors } },
    },
    async (request) => ({ value: await deps.assignments.list({ operator: request.query.operator }) }),
  );

  app.post(
    "/api/role-assignments",
    { config: platformOnly, schema: { tags, summary: "Assign a role to an operator or an Entra group, for a tenant, a tenant group, all tenants or all but some", body: assignmentBody, response: { 201: assignmentSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await deps.assignments.add(request.body, actorOf(request))),
  );

  app.delete(
    "/api/role-assignments/:id",
    { config: platformOnly, schema: { tags, summary: "Remove a role assignment (never the last that leaves someone Platform Administrator)", params: z.strictObject({ id: guid }), response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await deps.assignments.remove(request.params.id, actorOf(request));
      return reply.status(204).send(null);
    },
  );

  const groupTags = ["tenant-groups"];
  app.get("/api/tenant-groups", { config: platformOnly, schema: { tags: groupTags, summary: "Every tenant group with its tenants", response: { 200: z.object({ value: z.array(tenantGroupSchema) }), ...errors } } }, async () => ({
    value: await deps.tenantGroups.list(),
  }));

  app.put(
    "/api/tenant-groups/:name",
    { config: platformOnly, schema: { tags: groupTags, summary: "Create a tenant group or replace its tenants", params: nameParams, body: tenantGroupBody, response: { 200: tenantGroupSchema, 201: tenantGroupSchema, ...errors } } },
    async (request, reply) => {
      const { group, created } = await deps.tenantGroups.put(request.params.name, request.body.tenants, actorOf(request));
      return reply.status(created ? 201 : 200).send(group);
    },
  );

  app.delete(
    "/api/tenant-groups/:name",
    { config: platformOnly, schema: { tags: groupTags, summary: "Delete a tenant group no role assignment is scoped to", params: nameParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await deps.tenantGroups.remove(request.params.name, actorOf(request));
      return reply.status(204).send(null);
    },
  );
}
