import type { Client } from "@microsoft/microsoft-graph-client";
import { controlApi, graphClient } from "./graph-clients.ts";
import type { LocalCloud } from "./local-cloud.ts";

/**
 * The official Graph SDK as an app of the test's own, consented in one tenant of a running local cloud
 * with the permissions given: an independent view of what Tenantry changed.
 */
export async function tenantReader(cloudUrl: string, tenantDomain: string, permissions: readonly string[] = ["Directory.Read.All"]): Promise<{ tenantId: string; graph: Client }> {
  const cloud = { url: cloudUrl } as LocalCloud;
  const control = controlApi(cloud);
  const tenants = await control<{ value: { id: string; defaultDomain: string }[] }>("GET", "/tenants");
  const tenantId = tenants.body.value.find((t) => t.defaultDomain === tenantDomain)?.id;
  if (!tenantId) throw new Error(`No tenant ${tenantDomain} in the local cloud.`);
  const app = await control<{ appId: string; clientSecret: string }>("POST", "/applications", { homeTenantId: tenantId, displayName: "Test reader", requiredPermissions: permissions, credential: "secret" });
  if (app.status !== 201) throw new Error(JSON.stringify(app.body));
  const consent = await control("POST", `/tenants/${tenantId}/consents`, { appId: app.body.appId, permissions, servicePrincipalRoles: [] });
  if (consent.status !== 201) throw new Error(JSON.stringify(consent.body));
  return { tenantId, graph: graphClient(cloud, tenantId, app.body.appId, app.body.clientSecret) };
}
