import type { FastifyRequest } from "fastify";
import { platformRoleIds } from "../access/platform-roles.ts";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { ActionRunner } from "../actions/action-runner.ts";
import { createUserFromTemplate, type Onboarding } from "../actions/user-onboarding.ts";
import { templatePerson, type UserTemplate, userTemplateDefaults, userTemplateName } from "../actions/user-template-schema.ts";
import type { UserTemplatesStore } from "../actions/user-templates-store.ts";
import type { TenantsService } from "../tenants/tenants-service.ts";
import { actionHeaders, actionRunSchema, failedRunStatus } from "./action-routes.ts";
import { errorSchema, tenantKey } from "./api-schemas.ts";
import { accessOf, actorOf } from "./request-caller.ts";
import type { ZodApp } from "./zod-app.ts";

const templateSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  domain: z.string().optional(),
  usageLocation: z.string().optional(),
  properties: z.record(z.string(), z.string()),
  accountEnabled: z.boolean().optional(),
  forceChangePasswordNextSignIn: z.boolean().optional(),
  licenses: z.array(z.object({ sku: z.string(), disabledPlans: z.array(z.string()) })),
  groups: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const stepError = z.object({ code: z.string(), message: z.string(), fix: z.string().optional(), field: z.string().optional() });

const onboardingSchema = z.object({
  template: z.object({ id: z.string(), name: z.string() }),
  userPrincipalName: z.string(),
  userId: z.string().nullable(),
  state: z.enum(["succeeded", "partial", "failed"]),
  steps: z.array(
    z.object({
      action: z.string(),
      state: z.enum(["requested", "succeeded", "failed", "refused", "skipped", "not-run"]),
      run: actionRunSchema.optional(),
      replayed: z.boolean().optional(),
      error: stepError.optional(),
    }),
  ).readonly(),
  /** The generated password: in the first answer only. */
  secret: z.record(z.string(), z.unknown()).optional(),
});

const failedOnboarding = onboardingSchema.extend({ error: stepError });

const nameParams = z.strictObject({ name: userTemplateName });
const tenantNameParams = z.strictObject({ tenant: tenantKey, name: userTemplateName });

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };
const notFound = (name: string) => ({ error: { code: "template_not_found", message: `There is no user template named ${name}.` } });

/** When the user was not created: the status of the creation run. */
function failedStatus(onboarding: Onboarding): ReturnType<typeof failedRunStatus> {
  const run = onboarding.steps[0]?.run;
  return run ? failedRunStatus(run) : 422;
}

/** User templates, and creating a user from one in a tenant (users.create, then its licences and groups). */
export function registerUserTemplateRoutes(
  app: ZodApp,
  deps: { runner: Pick<ActionRunner, "run">; templates: UserTemplatesStore; tenants: Pick<TenantsService, "list">; log?: (line: string) => void },
): void {
  const tags = ["user-templates"];

  /** A template whose domain belongs to a tenant the operator does not see is not shown to it. */
  async function visibleTo(request: FastifyRequest): Promise<(template: UserTemplate) => boolean> {
    const access = accessOf(request);
    const owners = new Map((await deps.tenants.list()).flatMap((t) => [t.defaultDomain, ...t.verifiedDomains].filter((d) => d !== null).map((d) => [d.toLowerCase(), t.tenantId] as const)));
    return (template) => {
      const owner = template.domain ? owners.get(template.domain.toLowerCase()) : undefined;
      return owner === undefined || access.canSee(owner);
    };
  }

  app.get("/api/user-templates", { schema: { tags, summary: "The user templates the operator may see, by name", response: { 200: z.object({ value: z.array(templateSchema) }), 401: errorSchema } } }, async (request) => ({
    value: (await deps.templates.list()).filter(await visibleTo(request)),
  }));

  app.get("/api/user-templates/:name", { schema: { tags, summary: "One user template", params: nameParams, response: { 200: templateSchema, ...errors } } }, async (request, reply) => {
    const template = await deps.templates.get(request.params.name);
    return template && (await visibleTo(request))(template) ? template : reply.status(404).send(notFound(request.params.name));
  });

  app.put(
    "/api/user-templates/:name",
    { config: { requires: platformRoleIds.platformAdministrator }, schema: { tags, summary: "Create a user template or replace its defaults", params: nameParams, body: userTemplateDefaults, response: { 200: templateSchema, 201: templateSchema, ...errors } } },
    async (request, reply) => {
      const { template, created } = await deps.templates.put(request.params.name, request.body, actorOf(request));
      return reply.status(created ? 201 : 200).send(template);
    },
  );

  app.delete("/api/user-templates/:name", { config: { requires: platformRoleIds.platformAdministrator }, schema: { tags, summary: "Delete a user template", params: nameParams, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
    if (!(await deps.templates.remove(request.params.name, actorOf(request)))) return reply.status(404).send(notFound(request.params.name));
    return reply.status(204).send(null);
  });

  app.post(
    "/api/tenants/:tenant/user-templates/:name/create-user",
    {
      schema: {
        tags,
        summary: "Create a user from a template: the user with the template's defaults, then its licences and groups",
        description: "Each step is a run of its own action, checked and audited. A later step that does not succeed leaves the user in place; the answer shows every step.",
        params: tenantNameParams,
        headers: actionHeaders,
        body: templatePerson,
        response: { 200: onboardingSchema, ...errors, 403: z.union([failedOnboarding, errorSchema]), 404: z.union([failedOnboarding, errorSchema]), 409: z.union([failedOnboarding, errorSchema]), 422: z.union([failedOnboarding, errorSchema]), 502: z.union([failedOnboarding, errorSchema]), 503: z.union([failedOnboarding, errorSchema]) },
      },
    },
    async (request, reply) => {
      const template = await deps.templates.get(request.params.name);
      if (!template || !(await visibleTo(request))(template)) return reply.status(404).send(notFound(request.params.name));
      const onboarding = await createUserFromTemplate(deps, {
        tenant: request.params.tenant,
        templateName: request.params.name,
        person: request.body,
        actor: actorOf(request),
        access: accessOf(request),
        idempotencyKey: request.headers["idempotency-key"] ?? randomUUID(),
      });
      if (onboarding.state !== "failed") return reply.status(200).send(onboarding);
      const error = onboarding.steps[0]?.run?.error ?? { code: "failed", message: "The user was not created." };
      return reply.status(failedStatus(onboarding)).send({ ...onboarding, error });
    },
  );
}
