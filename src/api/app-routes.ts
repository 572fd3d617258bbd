import type { PlatformAppStore } from "../tenants/platform-app-store.ts";
import { TenantsError } from "../tenants/tenants-service.ts";
import { appInputSchema, appSummarySchema, errorSchema } from "./api-schemas.ts";
import type { ZodApp } from "./zod-app.ts";

/** Tenantry's own application. The secret or private key goes in and is never sent back. */
export function registerAppRoutes(app: ZodApp, store: PlatformAppStore): void {
  app.get("/api/app", { schema: { tags: ["app"], summary: "Tenantry's multi-tenant application (without its credential)", response: { 200: appSummarySchema, 401: errorSchema, 409: errorSchema } } }, async () => {
    const summary = await store.summary();
    if (!summary) throw new TenantsError(409, "Tenantry's application is not set.", "Set it with `tenantry app set`.");
    return summary;
  });

  app.put(
    "/api/app",
    { schema: { tags: ["app"], summary: "Set Tenantry's application and its credential (sealed at rest)", body: appInputSchema, response: { 200: appSummarySchema, 400: errorSchema, 401: errorSchema } } },
    async (request) => {
      const body = request.body;
      await store.set({ clientId: body.clientId, homeTenantId: body.homeTenant, cloud: body.cloud, credential: body.credential });
      return (await store.summary())!;
    },
  );
}
