import { platformRoleIds } from "../access/platform-roles.ts";
import { createPrivateKey, X509Certificate } from "node:crypto";
import { trustCloud } from "../graph/trust-cloud-ca.ts";
import type { PlatformAppStore } from "../tenants/platform-app-store.ts";
import { TenantsError } from "../tenants/tenants-service.ts";
import { appInputSchema, appSummarySchema, errorSchema } from "./api-schemas.ts";
import type { ZodApp } from "./zod-app.ts";

function checkCertificatePair(certificatePem: string, privateKeyPem: string): void {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificatePem);
  } catch {
    throw new TenantsError(400, "credential.certificatePem is not a PEM certificate.", "Give the certificate registered on the app registration, in PEM.");
  }
  let matches = false;
  try {
    matches = certificate.checkPrivateKey(createPrivateKey(privateKeyPem));
  } catch {
    throw new TenantsError(400, "credential.privateKeyPem is not a PEM private key.", "Give the certificate's private key, in PEM (PKCS#8 or PKCS#1).");
  }
  if (!matches) throw new TenantsError(400, "credential.privateKeyPem does not belong to credential.certificatePem.", "Give the private key of that certificate.");
}

/** Tenantry's own application. The secret or private key goes in and is never sent back. */
export function registerAppRoutes(app: ZodApp, store: PlatformAppStore): void {
  app.get("/api/app", { config: { requires: platformRoleIds.platformAdministrator }, schema: { tags: ["app"], summary: "Tenantry's multi-tenant application (without its credential)", response: { 200: appSummarySchema, 401: errorSchema, 403: errorSchema, 409: errorSchema } } }, async () => {
    const summary = await store.summary();
    if (!summary) throw new TenantsError(409, "Tenantry's application is not set.", "Set it with `tenantry app set`.");
    return summary;
  });

  app.put(
    "/api/app",
    { config: { requires: platformRoleIds.platformAdministrator }, schema: { tags: ["app"], summary: "Set Tenantry's application and its credential (sealed at rest)", body: appInputSchema, response: { 200: appSummarySchema, 400: errorSchema, 401: errorSchema, 403: errorSchema } } },
    async (request) => {
      const body = request.body;
      if (body.credential.kind === "certificate") checkCertificatePair(body.credential.certificatePem, body.credential.privateKeyPem);
      trustCloud(body.cloud);
      await store.set({ clientId: body.clientId, homeTenantId: body.homeTenant, cloud: body.cloud, credential: body.credential });
      return (await store.summary())!;
    },
  );
}
