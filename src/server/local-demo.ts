import { join } from "node:path";
import { moduleIds } from "../catalog/module-ids.ts";
import { moduleManifest } from "../catalog/modules.ts";
import { type RunningCloud, startCloud } from "../cloud/cloud-server.ts";
import type { DemoTenant } from "../cloud/demo/demo-cloud.ts";
import type { DemoPartnerGroup } from "../cloud/seed/demo-technicians.ts";
import type { CloudConfig } from "../graph/microsoft-clouds.ts";
import type { StoredPlatformApp } from "../tenants/platform-app-store.ts";

export interface LocalDemo {
  readonly cloud: RunningCloud;
  readonly app: StoredPlatformApp;
  readonly tenants: readonly DemoTenant[];
  /** Security groups of the MSP's own (partner) tenant, for role assignments of the demo's technicians. */
  readonly partnerGroups: readonly DemoPartnerGroup[];
  /** Registers Tenantry's own addresses on the demo app, as an administrator would in the app registration. */
  registerRedirectUris(uris: readonly string[]): Promise<void>;
}

/**
 * The local cloud with its demo tenants, its Tenantry app asking for exactly the Management manifest:
 * two customers consent fully, one grants only the Reporting module, one has not consented.
 */
export async function startLocalDemo(options: { dataDir: string; port?: number }): Promise<LocalDemo> {
  const management = moduleManifest(moduleIds.management);
  const reporting = moduleManifest(moduleIds.reporting);
  const cloud = await startCloud({
    port: options.port ?? 0,
    dataDir: join(options.dataDir, "cloud"),
    seed: "demo",
    demoApp: {
      permissions: management.permissions.map((p) => p.name),
      partialPermissions: reporting.permissions.map((p) => p.name),
      servicePrincipalRoles: management.servicePrincipalRoles.map((r) => r.roleTemplateId),
    },
  });
  const demo = cloud.demo;
  if (!demo) throw new Error("The local cloud's data directory holds no demo; remove it to start the demo afresh.");
  const config: CloudConfig = { kind: "local", url: cloud.url, caPem: cloud.caCertPem };
  return {
    cloud,
    tenants: demo.tenants,
    partnerGroups: demo.partnerGroups,
    async registerRedirectUris(uris) {
      const response = await fetch(`${cloud.url}/_cloud/applications/${demo.appId}`, {
        method: "PATCH",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ redirectUris: uris }),
      });
      if (!response.ok) throw new Error(`The local cloud refused the redirect addresses: ${await response.text()}`);
    },
    app: { clientId: demo.appId, homeTenantId: demo.partnerTenantId, cloud: config, credential: { kind: "secret", clientSecret: demo.clientSecret } },
  };
}
