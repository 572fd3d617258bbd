import { type CloudConfig, cloudEndpoints } from "../graph/microsoft-clouds.ts";

/** The admin consent page of a tenant (id, domain or `organizations`) for Tenantry's app. */
export function adminConsentUrl(cloud: CloudConfig, clientId: string, tenant: string, redirectUri: string, state?: string): string {
  const url = new URL(`${cloudEndpoints(cloud).login}/${encodeURIComponent(tenant)}/adminconsent`);
  url.searchParams.set("client_id", clientId);
  url.searchParams.set("redirect_uri", redirectUri);
  if (state) url.searchParams.set("state", state);
  return url.toString();
}
