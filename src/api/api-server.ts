import swagger from "@fastify/swagger";
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { AccessAdministration } from "../access/access-administration.ts";
import type { AccessLoader } from "../access/access-loader.ts";
import type { ApiTokens } from "../access/api-tokens.ts";
import { ActionRefused } from "../actions/action-errors.ts";
import type { ActionRunner } from "../actions/action-runner.ts";
import type { UserTemplatesStore } from "../actions/user-templates-store.ts";
import type { AuditLog } from "../audit/audit-log.ts";
import type { BulkJobsService } from "../jobs/bulk/bulk-jobs-service.ts";
import type { ConsentChecks } from "../jobs/consent-check-jobs.ts";
import type { PlatformAppStore } from "../tenants/platform-app-store.ts";
import type { TenantsService } from "../tenants/tenants-service.ts";
import { handleApiError } from "./api-errors.ts";
import { registerAccessRoutes } from "./access-routes.ts";
import { registerAllowedActionsRoutes } from "./allowed-actions-routes.ts";
import { registerCatalogRoutes } from "./catalog-routes.ts";
import { registerActionRoutes } from "./action-routes.ts";
import { registerAppRoutes } from "./app-routes.ts";
import { registerAuditRoutes } from "./audit-routes.ts";
import { registerBulkRoutes } from "./bulk-routes.ts";
import { registerConsentCallback } from "./consent-callback-route.ts";
import { registerPermissionsRoutes } from "./permissions-routes.ts";
import { type AuthRouteDependencies, authRoutePaths, registerAuthRoutes } from "./auth-routes.ts";
import { consoleRoutePaths, registerConsoleRoutes } from "./console-routes.ts";
import { createAuthentication } from "./authentication.ts";
import { type MeRouteDependencies, registerMeRoutes } from "./me-routes.ts";
import { actorOf, hasCaller, setCaller } from "./request-caller.ts";
import { checkRouteRequirement } from "./route-requirements.ts";
import { registerSearchRoutes } from "./search-routes.ts";
import { registerSyncRoutes, type SyncRouteDependencies } from "./sync-routes.ts";
import { registerTenantSummaryRoutes } from "./tenant-summary-routes.ts";
import { registerTenantsRoutes } from "./tenants-routes.ts";
import { registerUserTemplateRoutes } from "./user-template-routes.ts";

export interface ApiDependencies {
  readonly tenants: TenantsService;
  readonly app: PlatformAppStore;
  readonly tokens: ApiTokens;
  readonly accessOf: AccessLoader;
  readonly audit: AuditLog;
  readonly runner: ActionRunner;
  readonly userTemplates: UserTemplatesStore;
  readonly bulk: BulkJobsService;
  readonly checks: Pick<ConsentChecks, "requestCheck">;
  /** Operators signing in to the console, and their sessions. */
  readonly auth: AuthRouteDependencies;
  readonly me: MeRouteDependencies;
  /** Operators, roles, tenant groups, role assignments and access checks. */
  readonly access: AccessAdministration;
  /** The directory cache's sync state, and syncs on request. */
  readonly sync: SyncRouteDependencies;
  /** Where unexpected errors are reported (the server's stderr). */
  readonly log?: (line: string) => void;
}

/** Routes that answer without a token: the OpenAPI document, the browser's return from admin consent, signing in and out, the console's files. */
const publicRoutes: ReadonlySet<string> = new Set(["/api/openapi.json", "/tenants/consent-callback", ...authRoutePaths, ...consoleRoutePaths]);

/** Tenantry's HTTP API: thin Fastify routes over the services, with zod schemas and an OpenAPI document. */
export async function createApiServer(deps: ApiDependencies, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024, routerOptions: { maxParamLength: 256 } }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    // Every refusal of Tenantry's own rights is audited; actions audit their refusals in the runner.
    if (error instanceof ActionRefused && error.code === "forbidden" && hasCaller(request)) {
      await deps.audit
        .append({ actor: actorOf(request), action: `${request.method} ${request.routeOptions.url ?? request.url}`, outcome: "denied", error: { code: error.code, message: error.message } })
        .catch((failure: unknown) => deps.log?.(`could not audit a refusal: ${String(failure)}`));
    }
    handleApiError(error, request, reply, deps.log);
    return reply;
  });
  await app.register(swagger, {
    openapi: {
      info: { title: "Tenantry API", version: "0.1.0", description: "Manage many Microsoft 365 / Entra ID tenants." },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });

  const authenticate = createAuthentication({ tokens: deps.tokens, sessions: deps.auth.sessions });
  app.addHook("onRequest", async (request, reply) => {
    if (publicRoutes.has(request.routeOptions.url ?? "")) return;
    const caller = await authenticate(request);
    if ("principal" in caller) setCaller(request, await deps.accessOf(caller.principal));
    else await reply.status(caller.status).send(caller.body);
  });

  app.addHook("preValidation", checkRouteRequirement);

  registerTenantsRoutes(app, deps.tenants, deps.checks);
  registerAppRoutes(app, deps.app);
  registerPermissionsRoutes(app);
  registerAuditRoutes(app, deps.audit, deps.tenants);
  registerActionRoutes(app, deps.runner);
  registerBulkRoutes(app, deps.bulk);
  registerUserTemplateRoutes(app, { runner: deps.runner, templates: deps.userTemplates, tenants: deps.tenants, ...(deps.log ? { log: deps.log } : {}) });
  registerConsentCallback(app, deps.tenants);
  registerAuthRoutes(app, deps.auth);
  registerMeRoutes(app, deps.me);
  registerAccessRoutes(app, deps.access);
  registerSearchRoutes(app, { pool: deps.me.pool, tenants: deps.tenants });
  registerSyncRoutes(app, deps.sync);
  registerCatalogRoutes(app);
  registerAllowedActionsRoutes(app, { tenants: deps.tenants });
  registerTenantSummaryRoutes(app, { pool: deps.me.pool, tenants: deps.tenants });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  await registerConsoleRoutes(app);
  return app;
}

