import { z } from "zod";
import type { OperatorsAdmin } from "../access/operators-admin.ts";
import { platformRoleIds } from "../access/platform-roles.ts";
import { ActionRefused } from "../actions/action-errors.ts";
import { errorSchema, guid } from "./api-schemas.ts";
import { issuedTokenSchema, operatorBody, operatorDetailsSchema, operatorParams, operatorSchema, tokenBody } from "./access-schemas.ts";
import { actorOf } from "./request-caller.ts";
import type { ZodApp } from "./zod-app.ts";

const tags = ["operators"];
const platformOnly = { requires: platformRoleIds.platformAdministrator };
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** Operators (the MSP's technicians) and the API tokens a Platform Administrator issues them. */
export function registerOperatorRoutes(app: ZodApp, operators: OperatorsAdmin): void {
  app.get("/api/operators", { config: platformOnly, schema: { tags, summary: "Every operator", response: { 200: z.object({ value: z.array(operatorSchema) }), ...errors } } }, async () => ({
    value: await operators.list(),
  }));

  app.post(
    "/api/operators",
    { config: platformOnly, schema: { tags, summary: "Add an operator by the user principal name it signs in with", body: operatorBody, response: { 201: operatorSchema, ...errors } } },
    async (request, reply) => {
      const added = await operators.add(request.body, actorOf(request));
      if (!added) throw new ActionRefused({ status: 409, code: "operator_exists", field: "userPrincipalName", message: `An operator ${request.body.userPrincipalName} exists already.` });
      return reply.status(201).send(added);
    },
  );

  app.get(
    "/api/operators/:operator",
    { config: platformOnly, schema: { tags, summary: "An operator by id or user principal name, with its role assignments and API tokens", params: operatorParams, response: { 200: operatorDetailsSchema, ...errors } } },
    async (request) => operators.details(request.params.operator),
  );

  app.delete(
    "/api/operators/:operator",
    { config: platformOnly, schema: { tags, summary: "Remove an operator with its tokens and role assignments (never the last Platform Administrator)", params: operatorParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await operators.remove(request.params.operator, actorOf(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/operators/:operator/tokens",
    { config: platformOnly, schema: { tags, summary: "Issue an API token for an operator (e.g. for automation); the token is shown once", params: operatorParams, body: tokenBody, response: { 201: issuedTokenSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await operators.issueToken(request.params.operator, request.body, actorOf(request))),
  );

  app.delete(
    "/api/operators/:operator/tokens/:id",
    { config: platformOnly, schema: { tags, summary: "Revoke one of an operator's API tokens", params: z.strictObject({ operator: operatorParams.shape.operator, id: guid }), response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      if (!(await operators.revokeToken(request.params.operator, request.params.id, actorOf(request)))) {
        throw new ActionRefused({ status: 404, code: "token_not_found", message: `The operator ${request.params.operator} has no active API token ${request.params.id}.` });
      }
      return reply.status(204).send(null);
    },
  );
}
