import { z } from "zod";
import { moduleIds } from "../catalog/module-ids.ts";
import type { ConsentChecks } from "../jobs/consent-check-jobs.ts";
import { platformRoleIds } from "../access/platform-roles.ts";
import type { TenantsService } from "../tenants/tenants-service.ts";
import { accessOf, visibleTenant } from "./request-caller.ts";
import { errorSchema, tenantKey, tenantSchema } from "./api-schemas.ts";
import type { ZodApp } from "./zod-app.ts";

const tenantParams = z.strictObject({ tenant: tenantKey });
const platformOnly = { requires: platformRoleIds.platformAdministrator };
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 502: errorSchema };

export function registerTenantsRoutes(app: ZodApp, tenants: TenantsService, checks: Pick<ConsentChecks, "requestCheck">): void {
  app.post(
    "/api/tenants/checks",
    {
      config: platformOnly,
      schema: {
        tags: ["tenants"],
        summary: "Queue a consent health check of one tenant, or of all, for the worker",
        body: z.strictObject({ tenant: tenantKey.optional() }),
        response: { 202: z.object({ jobId: z.string().nullable() }), ...errors },
      },
    },
    async (request, reply) => {
      const tenantId = request.body.tenant ? (await tenants.get(request.body.tenant)).tenantId : undefined;
      return reply.status(202).send({ jobId: await checks.requestCheck(tenantId) });
    },
  );

  app.get("/api/tenants", { schema: { tags: ["tenants"], summary: "Connected tenants with their consent health", response: { 200: z.object({ value: z.array(tenantSchema) }), ...errors } } }, async (request) => {
    const access = accessOf(request);
    return { value: (await tenants.list()).filter((t) => access.canSee(t.tenantId)) };
  });

  app.post(
    "/api/tenants",
    {
      config: platformOnly,
      schema: {
        tags: ["tenants"],
        summary: "Connect a tenant by id or domain (manual connection); its consent health is checked at once",
        body: z.strictObject({ tenant: tenantKey }),
        response: { 201: tenantSchema, ...errors },
      },
    },
    async (request, reply) => {
      return reply.status(201).send(await tenants.connectManually(request.body.tenant));
    },
  );

  app.post(
    "/api/tenants/consent",
    {
      config: platformOnly,
      schema: {
        tags: ["tenants"],
        summary: "Start an admin consent: the link to send to the customer's administrator",
        body: z.strictObject({ tenant: tenantKey.optional(), module: z.enum([moduleIds.reporting, moduleIds.management]).default(moduleIds.management) }),
        response: { 201: z.object({ consentUrl: z.string(), state: z.string(), expiresAt: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      return reply.status(201).send(await tenants.startConsent(request.body.tenant, request.body.module));
    },
  );

  app.get("/api/tenants/:tenant", { schema: { tags: ["tenants"], summary: "One connected tenant", params: tenantParams, response: { 200: tenantSchema, ...errors } } }, async (request) =>
    visibleTenant(request, tenants, request.params.tenant),
  );

  app.post(
    "/api/tenants/:tenant/check",
    { config: platformOnly, schema: { tags: ["tenants"], summary: "Check consent health now", params: tenantParams, response: { 200: tenantSchema, ...errors } } },
    async (request) => tenants.check((await visibleTenant(request, tenants, request.params.tenant)).tenantId),
  );

  app.delete(
    "/api/tenants/:tenant",
    { config: platformOnly, schema: { tags: ["tenants"], summary: "Disconnect a tenant (its consent in Entra stays until an administrator removes it)", params: tenantParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await tenants.remove(request.params.tenant);
      return reply.status(204).send(null);
    },
  );
}
