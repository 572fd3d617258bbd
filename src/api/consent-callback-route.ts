import { z } from "zod";
import type { TenantsService } from "../tenants/tenants-service.ts";
import { TenantsError } from "../tenants/tenants-service.ts";
import type { ZodApp } from "./zod-app.ts";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Where the identity platform sends the customer's administrator after admin consent. It needs no token:
 * the one-time `state` created by Tenantry is what proves the round trip.
 */
export function registerConsentCallback(app: ZodApp, tenants: TenantsService): void {
  app.get(
    "/tenants/consent-callback",
    {
      schema: {
        hide: true,
        querystring: z.object({
          state: z.string().max(128).optional(),
          tenant: z.string().max(256).optional(),
          admin_consent: z.string().max(16).optional(),
          error: z.string().max(256).optional(),
          error_description: z.string().max(2048).optional(),
          error_subcode: z.string().max(64).optional(),
          scope: z.string().max(2048).optional(),
        }),
      },
    },
    async (request, reply) => {
      try {
        const connection = await tenants.completeConsent(request.query);
        const name = connection.displayName ?? connection.defaultDomain ?? connection.tenantId;
        return reply.type("text/html").send(`<!doctype html><title>Tenant connected</title><h1>${escapeHtml(name)} is connected to Tenantry</h1><p>You can close this page.</p>`);
      } catch (error) {
        if (!(error instanceof TenantsError)) throw error;
        return reply.status(error.status).type("text/html").send(`<!doctype html><title>Not connected</title><h1>The tenant was not connected</h1><p>${escapeHtml(error.message)}</p><p>${escapeHtml(error.fix)}</p>`);
      }
    },
  );
}
