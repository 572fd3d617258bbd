import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { trustCertificateAuthority } from "../../../test/support/local-cloud.ts";
import { type RunningCloud, startCloud } from "../cloud-server.ts";

function describePartner(cloud: RunningCloud) {
  const demo = cloud.demo!;
  const partner = cloud.context.state.tenant(demo.partnerTenantId)!;
  const groups = demo.partnerGroups.map(({ id, displayName }) => {
    const group = partner.group(id)!;
    assert.equal(group.displayName, displayName);
    const members = [...partner.membersOf(id)].map((memberId) => partner.user(memberId)!.userPrincipalName);
    return { id, displayName, securityEnabled: group.securityEnabled, mailEnabled: group.mailEnabled, members };
  });
  const technicians = ["tech1", "tech2", "auditor"].map((alias) => {
    const user = partner.user(`${alias}@tenantrypartners.onmicrosoft.com`)!;
    return { id: user.id, displayName: user.displayName, accountEnabled: user.accountEnabled };
  });
  return { groups, technicians, groupMembershipClaims: cloud.context.state.application(demo.appId)!.app.groupMembershipClaims };
}

test("the demo's partner tenant has technicians and their security groups, the same after a reset and a restart", async () => {
  const dataDir = await mkdtemp(join(tmpdir(), "tenantry-demo-"));
  let cloud = await startCloud({ port: 0, dataDir, seed: "demo" });
  try {
    const first = describePartner(cloud);
    assert.deepEqual(
      first.groups.map(({ id: _, ...rest }) => rest),
      [
        { displayName: "Tenantry Tier 1 Technicians", securityEnabled: true, mailEnabled: false, members: ["tech1@tenantrypartners.onmicrosoft.com"] },
        { displayName: "Tenantry Tier 2 Technicians", securityEnabled: true, mailEnabled: false, members: ["tech2@tenantrypartners.onmicrosoft.com"] },
      ],
    );
    assert.deepEqual(
      first.technicians.map((t) => t.displayName),
      ["Tier 1 Technician", "Tier 2 Technician", "Compliance Auditor"],
    );
    assert.ok(first.technicians.every((t) => t.accountEnabled));
    assert.equal(first.groupMembershipClaims, "SecurityGroup");

    trustCertificateAuthority(cloud.caCertPem);
    const reset = await fetch(`${cloud.url}/_cloud/reset`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ seed: "demo" }) });
    assert.equal(reset.status, 200);
    assert.deepEqual(describePartner(cloud), first, "a new demo has the same ids");

    await cloud.close();
    cloud = await startCloud({ port: 0, dataDir, seed: "demo" });
    assert.deepEqual(describePartner(cloud), first, "a restarted demo keeps them");
  } finally {
    await cloud.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
