import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Client } from "@microsoft/microsoft-graph-client";
import { graphClient } from "../../../../test/support/graph-clients.ts";
import { type LocalCloud, startLocalCloud } from "../../../../test/support/local-cloud.ts";

interface DeltaResponse {
  "@odata.deltaLink"?: string;
  value: { id: string; jobTitle?: string | null }[];
}

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "tenantry-delta-restart-"));
});
after(() => rm(dir, { recursive: true, force: true }));

function fullTenantClient(cloud: LocalCloud): { graph: Client; domain: string } {
  const full = cloud.ready.tenants!.find((t) => t.consent === "full")!;
  return { graph: graphClient(cloud, full.id, cloud.ready.app!.appId, cloud.ready.app!.clientSecret), domain: full.domain };
}

/** Same link on another process: the link keeps only the host's port, which changes with every start. */
function onCloud(cloud: LocalCloud, link: string): string {
  const url = new URL(link);
  return `${cloud.url}${url.pathname}${url.search}`;
}

test("a delta link taken before a restart of a persistent cloud reports the changes made before and after it", async () => {
  const first = await startLocalCloud(["--seed", "demo", "--data-dir", dir]);
  let deltaLink: string;
  const helpdesk = (domain: string) => `helpdesk@${domain}`;
  let helpdeskId: string;
  try {
    const { graph, domain } = fullTenantClient(first);
    deltaLink = ((await graph.api("/users/delta").query({ $deltatoken: "latest", $select: "jobTitle" }).get()) as DeltaResponse)["@odata.deltaLink"]!;
    await graph.api(`/users/${helpdesk(domain)}`).patch({ jobTitle: "Before the restart" });
    helpdeskId = ((await graph.api(`/users/${helpdesk(domain)}`).select("id").get()) as { id: string }).id;
  } finally {
    await first.stop("SIGTERM");
  }

  const second = await startLocalCloud(["--seed", "demo", "--data-dir", dir]);
  try {
    const { graph, domain } = fullTenantClient(second);
    const replayed = (await graph.api(onCloud(second, deltaLink)).get()) as DeltaResponse;
    assert.deepEqual(replayed.value, [{ jobTitle: "Before the restart", id: helpdeskId }]);

    const created = (await graph.api("/users").post({
      accountEnabled: true,
      displayName: "After the restart",
      mailNickname: "aftertherestart",
      userPrincipalName: `aftertherestart@${domain}`,
      passwordProfile: { password: "Delta-Query-Pass-1", forceChangePasswordNextSignIn: true },
    })) as { id: string };
    const both = (await graph.api(onCloud(second, deltaLink)).get()) as DeltaResponse;
    assert.deepEqual(new Set(both.value.map((u) => u.id)), new Set([helpdeskId, created.id]));
  } finally {
    await second.stop();
  }
});
