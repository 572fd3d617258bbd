import type { Client } from "@microsoft/microsoft-graph-client";
import { controlApi, graphClient } from "./graph-clients.ts";
import type { LocalCloud } from "./local-cloud.ts";

export interface DirectoryAuditEvent {
  readonly activityDisplayName: string;
  readonly activityDateTime: string;
  readonly targetResources: { id: string; userPrincipalName: string | null; modifiedProperties: { displayName: string }[] }[];
}

/**
 * Reads a tenant's directory audit log (Entra's record of every change) through the official Graph SDK,
 * as an auditor's app of its own: what Tenantry really changed in the cloud.
 */
export async function directoryAuditReader(cloudUrl: string, tenantDomain: string) {
  const control = controlApi({ url: cloudUrl } as LocalCloud);
  const tenants = await control<{ value: { id: string; defaultDomain: string }[] }>("GET", "/tenants");
  const tenantId = tenants.body.value.find((t) => t.defaultDomain === tenantDomain)?.id;
  if (!tenantId) throw new Error(`No tenant ${tenantDomain} in the local cloud.`);
  const app = await control<{ appId: string; clientSecret: string }>("POST", "/applications", {
    homeTenantId: tenantId,
    displayName: "Directory audit reader",
    requiredPermissions: ["AuditLog.Read.All"],
    credential: "secret",
  });
  if (app.status !== 201) throw new Error(JSON.stringify(app.body));
  const consent = await control("POST", `/tenants/${tenantId}/consents`, { appId: app.body.appId, permissions: ["AuditLog.Read.All"], servicePrincipalRoles: [] });
  if (consent.status !== 201) throw new Error(JSON.stringify(consent.body));
  const graph: Client = graphClient({ url: cloudUrl } as LocalCloud, tenantId, app.body.appId, app.body.clientSecret);
  return {
    tenantId,
    /** Every event since `since` (ISO time), oldest first. */
    async since(since: string): Promise<DirectoryAuditEvent[]> {
      const page = (await graph.api("/auditLogs/directoryAudits").filter(`activityDateTime ge ${since}`).top(999).get()) as { value: DirectoryAuditEvent[] };
      return page.value.reverse();
    },
    /** Events whose target is this user (by object id or user principal name). */
    async about(user: string, since: string): Promise<DirectoryAuditEvent[]> {
      const events = await this.since(since);
      const key = user.toLowerCase();
      return events.filter((e) => e.targetResources.some((t) => t.id === key || t.userPrincipalName?.toLowerCase() === key));
    },
  };
}
