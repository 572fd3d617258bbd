import { z } from "zod";
import { moduleOrder, moduleManifest, modules } from "../catalog/modules.ts";
import { explainPermissions, explainServicePrincipalRoles } from "../catalog/permissions-explain.ts";
import { errorSchema } from "./api-schemas.ts";
import type { ZodApp } from "./zod-app.ts";

/** What each module asks a tenant to grant, and why: generated from the action catalog. */
export function registerPermissionsRoutes(app: ZodApp): void {
  app.get(
    "/api/permissions",
    {
      schema: {
        tags: ["permissions"],
        summary: "Every permission and role Tenantry asks for, why, and which features use it",
        response: { 200: z.object({ modules: z.array(z.unknown()), permissions: z.array(z.unknown()), servicePrincipalRoles: z.array(z.unknown()) }), 401: errorSchema },
      },
    },
    async () => ({
      modules: moduleOrder.map((id) => ({ id, ...modules[id], manifest: moduleManifest(id) })),
      permissions: explainPermissions(),
      servicePrincipalRoles: explainServicePrincipalRoles(),
    }),
  );
}
