import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import type { BulkJobView } from "../../src/jobs/bulk/bulk-jobs-service.ts";
import type { StoredBulkItem } from "../../src/jobs/bulk/bulk-jobs-store.ts";
import { directoryAuditReader } from "./directory-audits.ts";
import type { TenantryServer } from "./tenantry-server.ts";

export const contoso = "contoso.onmicrosoft.com";

/** The demo's administrators: left out of bulk tests, whose point is not Microsoft's rules on admin targets. */
const demoAdmins = /^(admin|helpdesk|useradmin|pwadmin|authadmin|privauth|groupsadmin|licenseadmin|globalreader)@/i;

interface UserRow {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly synced: boolean;
  readonly userType: string | null;
}

/** Member users of a tenant, cloud-only or synced, without the demo's administrators, in a stable order. */
export async function tenantUsers(server: Pick<TenantryServer, "api">, tenant: string, synced: boolean): Promise<string[]> {
  const answer = await server.api<{ data: { value: UserRow[] } }>("POST", `/api/tenants/${tenant}/actions/users.list`, { top: 999, synced, userType: "Member" });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.data.value
    .filter((u) => !demoAdmins.test(u.userPrincipalName))
    .map((u) => u.userPrincipalName)
    .sort();
}

export async function getJob(server: Pick<TenantryServer, "api">, id: string): Promise<BulkJobView> {
  const answer = await server.api<BulkJobView>("GET", `/api/jobs/${id}`);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body;
}

/** Waits until `until` holds for the job (by default: finished or cancelled). */
export async function waitForJob(server: Pick<TenantryServer, "api">, id: string, until = (job: BulkJobView) => job.state === "finished" || job.state === "cancelled", timeoutMs = 240_000): Promise<BulkJobView> {
  const started = Date.now();
  for (;;) {
    const job = await getJob(server, id);
    if (until(job)) return job;
    if (Date.now() - started > timeoutMs) throw new Error(`Job ${id} did not get there in time: ${JSON.stringify(job.progress)} (${job.state})`);
    await sleep(250);
  }
}

export async function jobItems(server: Pick<TenantryServer, "api">, id: string, state?: string): Promise<StoredBulkItem[]> {
  const items: StoredBulkItem[] = [];
  let after: string | null = null;
  do {
    const query: string = `limit=1000${state ? `&state=${state}` : ""}${after ? `&after=${after}` : ""}`;
    const page = await server.api<{ value: StoredBulkItem[]; nextCursor: string | null }>("GET", `/api/jobs/${id}/items?${query}`);
    assert.equal(page.status, 200, JSON.stringify(page.body));
    items.push(...page.body.value);
    after = page.body.nextCursor;
  } while (after);
  return items;
}

/** How many "Update user" events Entra recorded for each of `users` since `since`: what really happened in the cloud. */
export async function updatesPerUser(server: Pick<TenantryServer, "cloudUrl">, tenant: string, users: readonly string[], since: string): Promise<Map<string, number>> {
  const reader = await directoryAuditReader(server.cloudUrl, tenant);
  const events = await reader.since(since);
  const counts = new Map(users.map((u) => [u.toLowerCase(), 0]));
  for (const event of events.filter((e) => e.activityDisplayName === "Update user")) {
    for (const target of event.targetResources) {
      const upn = target.userPrincipalName?.toLowerCase();
      if (upn && counts.has(upn)) counts.set(upn, counts.get(upn)! + 1);
    }
  }
  return counts;
}
