import { tenantReader } from "./tenant-reader.ts";

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
  const { tenantId, graph } = await tenantReader(cloudUrl, tenantDomain, ["AuditLog.Read.All"]);
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
