import { ConfidentialClientApplication } from "@azure/msal-node";
import { Client } from "@microsoft/microsoft-graph-client";
import type { LocalCloud } from "./local-cloud.ts";

export function confidentialClient(cloud: LocalCloud, tenant: string, clientId: string, credential: { clientSecret: string } | { thumbprintSha256: string; privateKey: string }) {
  const authority = `${cloud.url}/${tenant}`;
  return new ConfidentialClientApplication({
    auth: {
      clientId,
      authority,
      knownAuthorities: [new URL(cloud.url).host],
      ...("clientSecret" in credential ? { clientSecret: credential.clientSecret } : { clientCertificate: credential }),
    },
  });
}

export async function appToken(cloud: LocalCloud, tenant: string, clientId: string, clientSecret: string): Promise<string> {
  const result = await confidentialClient(cloud, tenant, clientId, { clientSecret }).acquireTokenByClientCredential({
    scopes: ["https://graph.microsoft.com/.default"],
  });
  if (!result) throw new Error("no token");
  return result.accessToken;
}

/** The official Graph SDK pointed at the local cloud, authenticated with an app-only token from MSAL. */
export function graphClient(cloud: LocalCloud, tenant: string, clientId: string, clientSecret: string): Client {
  const msal = confidentialClient(cloud, tenant, clientId, { clientSecret });
  return Client.initWithMiddleware({
    baseUrl: `${cloud.url}/`,
    defaultVersion: "v1.0",
    customHosts: new Set([new URL(cloud.url).hostname]),
    authProvider: {
      getAccessToken: async () => {
        const result = await msal.acquireTokenByClientCredential({ scopes: ["https://graph.microsoft.com/.default"] });
        if (!result) throw new Error("no token");
        return result.accessToken;
      },
    },
  });
}

export type ControlApi = 
  <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>

export function controlApi(cloud: LocalCloud): ControlApi {
  return async <T>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${cloud.url}/_cloud${path}`, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
}

let testTenants = 0;

/** A tenant with an app granted exactly these permissions and service-principal roles, for rule tests. */
export async function tenantWithApp(
  cloud: LocalCloud,
  control: ControlApi,
  options: { userCount?: number; size?: "S" | "M" | "L"; permissions: readonly string[]; roles?: readonly string[]; syncedShare?: number; domain?: string },
): Promise<{ tenantId: string; domain: string; appId: string; clientSecret: string; graph: Client }> {
  const tenant = await control<{ id: string; defaultDomain: string }>("POST", "/tenants", {
    displayName: `Test tenant ${++testTenants}`,
    ...(options.domain ? { domain: options.domain } : {}),
    ...(options.userCount ? { userCount: options.userCount } : { size: options.size ?? "S" }),
    ...(options.syncedShare !== undefined ? { syncedShare: options.syncedShare } : {}),
  });
  if (tenant.status !== 201) throw new Error(JSON.stringify(tenant.body));
  const app = await control<{ appId: string; clientSecret: string }>("POST", "/applications", {
    homeTenantId: tenant.body.id,
    displayName: "Rule test app",
    requiredPermissions: [...options.permissions, "Directory.Read.All"],
    credential: "secret",
  });
  if (app.status !== 201) throw new Error(JSON.stringify(app.body));
  // Directory.Read.All lets tests tell administrators from other users; it grants no write.
  const consent = await control("POST", `/tenants/${tenant.body.id}/consents`, {
    appId: app.body.appId,
    permissions: [...options.permissions, "Directory.Read.All"],
    servicePrincipalRoles: options.roles ?? [],
  });
  if (consent.status !== 201) throw new Error(JSON.stringify(consent.body));
  return {
    tenantId: tenant.body.id,
    domain: tenant.body.defaultDomain,
    appId: app.body.appId,
    clientSecret: app.body.clientSecret,
    graph: graphClient(cloud, tenant.body.id, app.body.appId, app.body.clientSecret),
  };
}
