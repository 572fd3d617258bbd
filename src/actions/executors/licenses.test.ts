import assert from "node:assert/strict";
import type { Client } from "@microsoft/microsoft-graph-client";
import { after, before, describe, test } from "node:test";
import { directoryAuditReader } from "../../../test/support/directory-audits.ts";
import { tenantReader } from "../../../test/support/tenant-reader.ts";
import { startTenantry, type TenantryServer } from "../../../test/support/tenantry-server.ts";

let server: TenantryServer;
let graph: Client;
let skus: SubscribedSku[];
const domain = "contoso.onmicrosoft.com";
const contoso = `/api/tenants/${domain}/actions`;

interface SubscribedSku {
  skuId: string;
  skuPartNumber: string;
  consumedUnits: number;
  prepaidUnits: { enabled: number };
  servicePlans: { servicePlanId: string; servicePlanName: string }[];
}

interface LicenceState {
  skuId: string;
  disabledPlans: string[];
  assignedByGroup: string | null;
}

interface Answer {
  run: { state: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null; correlationId: string; error: { code: string } | null };
  error?: { code: string; message: string; fix?: string; field?: string };
}

const sku = (partNumber: string) => skus.find((s) => s.skuPartNumber === partNumber)!;
const planId = (partNumber: string, planName: string) => sku(partNumber).servicePlans.find((p) => p.servicePlanName === planName)!.servicePlanId;

/** A new cloud-only user made through Graph, so that no other test's licences are in the way. */
async function newUser(alias: string, usageLocation: string | null): Promise<{ id: string; userPrincipalName: string }> {
  return graph.api("/users").post({
    accountEnabled: true,
    displayName: `Licence test ${alias}`,
    mailNickname: alias,
    userPrincipalName: `${alias}@${domain}`,
    passwordProfile: { password: "Licence-Test-2026!", forceChangePasswordNextSignIn: false },
    ...(usageLocation ? { usageLocation } : {}),
  });
}

async function directLicences(userId: string): Promise<LicenceState[]> {
  const user = await graph.api(`/users/${userId}`).select("licenseAssignmentStates").get();
  return (user.licenseAssignmentStates as LicenceState[]).filter((s) => s.assignedByGroup === null);
}

before(async () => {
  server = await startTenantry();
  graph = (await tenantReader(server.cloudUrl, domain, ["Directory.Read.All", "User.ReadWrite.All", "Group.ReadWrite.All", "LicenseAssignment.Read.All"])).graph;
  skus = (await graph.api("/subscribedSkus").get()).value;
});

after(async () => {
  await server.stop();
  await server.remove();
});

describe("user licences", () => {
  test("assigned by part number with a plan switched off by its friendly name: audited before and after, and in effect in Graph", async () => {
    const audits = await directoryAuditReader(server.cloudUrl, domain);
    const since = new Date(Date.now() - 1000).toISOString();
    const user = await newUser("lic-part-number", "US");
    const answer = await server.api<Answer>("POST", `${contoso}/licenses.assign-user`, { userId: user.userPrincipalName, add: [{ sku: "spe_e3", disabledPlans: ["Yammer Enterprise"] }] });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.run.state, "succeeded");
    assert.deepEqual(answer.body.run.before, { licenses: {} });
    assert.deepEqual(answer.body.run.after, { licenses: { SPE_E3: ["YAMMER_ENTERPRISE"] } });
    assert.deepEqual(await directLicences(user.id), [
      { skuId: sku("SPE_E3").skuId, disabledPlans: [planId("SPE_E3", "YAMMER_ENTERPRISE")], assignedByGroup: null, state: "Active", error: "None" },
    ]);
    const audit = await server.api<{ value: { outcome: string; before: unknown; after: unknown; correlationId: string }[] }>("GET", `/api/audit?order=asc&action=licenses.assign-user&target=${user.id}`);
    assert.deepEqual(
      audit.body.value.map((e) => [e.outcome, e.before, e.after]),
      [
        ["requested", { licenses: {} }, null],
        ["succeeded", { licenses: {} }, { licenses: { SPE_E3: ["YAMMER_ENTERPRISE"] } }],
      ],
    );
    const events = await audits.about(user.id, since);
    assert.deepEqual(events.map((e) => e.activityDisplayName), ["Add user", "Change user license"]);

    const changed = await server.api<Answer>("POST", `${contoso}/licenses.assign-user`, { userId: user.id, add: [{ sku: "SPE_E3", disabledPlans: ["SWAY", "Exchange Online (Plan 2)"] }] });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.deepEqual(changed.body.run.before, { licenses: { SPE_E3: ["YAMMER_ENTERPRISE"] } });
    assert.deepEqual(changed.body.run.after, { licenses: { SPE_E3: ["EXCHANGE_S_ENTERPRISE", "SWAY"] } });
    const again = await server.api<Answer>("POST", `${contoso}/licenses.assign-user`, { userId: user.id, add: [{ sku: "SPE_E3", disabledPlans: ["sway", "EXCHANGE_S_ENTERPRISE"] }] });
    assert.equal(again.status, 409);
    assert.equal(again.body.error?.code, "already_assigned");
  });

  test("assigned by product name and by id, then removed", async () => {
    const user = await newUser("lic-names", "DE");
    const flowFree = sku("FLOW_FREE").skuId;
    const answer = await server.api<Answer>("POST", `${contoso}/licenses.assign-user`, { userId: user.id, add: [{ sku: "Power BI Pro" }, { sku: flowFree.toUpperCase() }] });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual(answer.body.run.after, { licenses: { FLOW_FREE: [], POWER_BI_PRO: [] } });
    assert.deepEqual((await directLicences(user.id)).map((l) => l.skuId).sort(), [flowFree, sku("POWER_BI_PRO").skuId].sort());
    const removed = await server.api<Answer>("POST", `${contoso}/licenses.assign-user`, { userId: user.id, remove: ["POWER_BI_PRO"] });
    assert.equal(removed.status, 200, JSON.stringify(removed.body));
    assert.deepEqual(removed.body.run.after, { licenses: { FLOW_FREE: [] } });
    const gone = await server.api<Answer>("POST", `${contoso}/licenses.assign-user`, { userId: user.id, remove: ["Power BI Pro"] });
    assert.deepEqual([gone.status, gone.body.error?.code, gone.body.error?.field], [409, "not_assigned", "remove.0"]);
  });

  test("an unknown licence, and a plan of another licence, are refused naming the field and the choices", async () => {
    const unknown = await server.api<Answer>("POST", `${contoso}/licenses.assign-user`, { userId: "globalreader@contoso.onmicrosoft.com", add: [{ sku: "Microsoft 365 E9" }] });
    assert.equal(unknown.status, 422);
    assert.equal(unknown.body.error?.code, "unknown_sku");
    assert.equal(unknown.body.error?.field, "add.0.sku");
    assert.match(unknown.body.error?.message ?? "", /Contoso has: .*Microsoft 365 E3 \(SPE_E3\)/);
    assert.equal(unknown.body.run.state, "refused");
    const otherPlan = await server.api<Answer>("POST", `${contoso}/licenses.assign-user`, { userId: "globalreader@contoso.onmicrosoft.com", add: [{ sku: "SPE_E3", disabledPlans: ["SWAY", "MCOEV"] }] });
    assert.equal(otherPlan.status, 422);
    assert.deepEqual([otherPlan.body.error?.code, otherPlan.body.error?.field], ["unknown_service_plan", "add.0.disabledPlans.1"]);
    assert.match(otherPlan.body.error?.message ?? "", /Sway \(SWAY\)/);
  });

  test("a licence without free seats is refused before Graph is called", async () => {
    const audits = await directoryAuditReader(server.cloudUrl, domain);
    const full = skus.find((s) => s.consumedUnits >= s.prepaidUnits.enabled);
    assert.ok(full, "the demo tenant has a licence with every seat in use");
    const user = await newUser("lic-no-seats", "US");
    const since = new Date().toISOString();
    const answer = await server.api<Answer>("POST", `${contoso}/licenses.assign-user`, { userId: user.id, add: [{ sku: full.skuPartNumber }] });
    assert.equal(answer.status, 409);
    assert.equal(answer.body.error?.code, "no_licences_left");
    assert.match(answer.body.error?.message ?? "", new RegExp(`no .*\\(${full.skuPartNumber}\\) licences left: ${full.consumedUnits.toLocaleString("en-US")} of ${full.prepaidUnits.enabled.toLocaleString("en-US")} are in use`));
    const events = await audits.about(user.id, since);
    assert.deepEqual(events.filter((e) => e.activityDisplayName === "Change user license"), []);
  });

  test("a user without usage location is refused, then licensed when the request sets one", async () => {
    const user = await newUser("lic-no-location", null);
    const refused = await server.api<Answer>("POST", `${contoso}/licenses.assign-user`, { userId: user.id, add: [{ sku: "FLOW_FREE" }] });
    assert.equal(refused.status, 422);
    assert.deepEqual([refused.body.error?.code, refused.body.error?.field], ["usage_location_required", "usageLocation"]);
    assert.match(refused.body.error?.fix ?? "", /usageLocation/);
    const accepted = await server.api<Answer>("POST", `${contoso}/licenses.assign-user`, { userId: user.id, add: [{ sku: "FLOW_FREE" }], usageLocation: "se" });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.deepEqual(accepted.body.run.before, { licenses: {}, usageLocation: null });
    assert.deepEqual(accepted.body.run.after, { licenses: { FLOW_FREE: [] }, usageLocation: "SE" });
    const read = await graph.api(`/users/${user.id}`).select("usageLocation,assignedLicenses").get();
    assert.equal(read.usageLocation, "SE");
    assert.deepEqual(read.assignedLicenses, [{ skuId: sku("FLOW_FREE").skuId, disabledPlans: [] }]);
  });
});

describe("group licences", () => {
  let groupId: string;
  let members: { id: string; userPrincipalName: string }[];

  before(async () => {
    members = [await newUser("lic-group-a", "FR"), await newUser("lic-group-b", "FR")];
    const group = await graph.api("/groups").post({ displayName: "Licence test group", mailNickname: "licencetestgroup", mailEnabled: false, securityEnabled: true });
    groupId = group.id;
    for (const member of members) await graph.api(`/groups/${groupId}/members/$ref`).post({ "@odata.id": `${server.cloudUrl}/v1.0/directoryObjects/${member.id}` });
  });

  test("a licence with a disabled plan is assigned to the group and reaches its members", async () => {
    const answer = await server.api<Answer>("POST", `${contoso}/licenses.assign-group`, { groupId, add: [{ sku: "Microsoft 365 E3", disabledPlans: ["sway"] }] });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual(answer.body.run.before, { licenses: {} });
    assert.deepEqual(answer.body.run.after, { licenses: { SPE_E3: ["SWAY"] } });
    const group = await graph.api(`/groups/${groupId}`).select("assignedLicenses").get();
    assert.deepEqual(group.assignedLicenses, [{ skuId: sku("SPE_E3").skuId, disabledPlans: [planId("SPE_E3", "SWAY")] }]);
    const member = await graph.api(`/users/${members[0]!.id}`).select("licenseAssignmentStates").get();
    assert.deepEqual(
      (member.licenseAssignmentStates as LicenceState[]).map((s) => [s.skuId, s.assignedByGroup]),
      [[sku("SPE_E3").skuId, groupId]],
    );
  });

  test("a licence the user only inherits is refused on the user, naming the group", async () => {
    const answer = await server.api<Answer>("POST", `${contoso}/licenses.assign-user`, { userId: members[1]!.userPrincipalName, remove: ["SPE_E3"] });
    assert.equal(answer.status, 409);
    assert.equal(answer.body.error?.code, "licence_inherited");
    assert.match(answer.body.error?.message ?? "", /inherits Microsoft 365 E3 \(SPE_E3\) from the group "Licence test group"/);
    assert.match(answer.body.error?.fix ?? "", /^Change it on the group/);
    assert.equal((await graph.api(`/users/${members[1]!.id}`).select("assignedLicenses").get()).assignedLicenses.length, 1);
  });

  test("a licence with too few free seats for the members is refused; removing one from the group works", async () => {
    const full = skus.find((s) => s.consumedUnits >= s.prepaidUnits.enabled)!;
    const short = await server.api<Answer>("POST", `${contoso}/licenses.assign-group`, { groupId, add: [{ sku: full.skuId }] });
    assert.equal(short.status, 409);
    assert.equal(short.body.error?.code, "no_licences_left");
    assert.match(short.body.error?.message ?? "", /this needs 2\.$/);
    const removed = await server.api<Answer>("POST", `${contoso}/licenses.assign-group`, { groupId, remove: ["SPE_E3"] });
    assert.equal(removed.status, 200, JSON.stringify(removed.body));
    assert.deepEqual([removed.body.run.before, removed.body.run.after], [{ licenses: { SPE_E3: ["SWAY"] } }, { licenses: {} }]);
    assert.deepEqual((await graph.api(`/groups/${groupId}`).select("assignedLicenses").get()).assignedLicenses, []);
  });
});

test("in a tenant that did not grant licence assignment, both actions are refused with the missing permission", async () => {
  const tenant = await server.api<{ lastCheck: { modules: { module: string; features: { action: string; available: boolean; missingPermissions: string[] }[] }[] } }>(
    "GET",
    "/api/tenants/northwind.onmicrosoft.com",
  );
  const management = tenant.body.lastCheck.modules.find((m) => m.module === "management")!;
  const feature = management.features.find((f) => f.action === "licenses.assign-user")!;
  assert.equal(feature.available, false);
  assert.ok(feature.missingPermissions.includes("LicenseAssignment.ReadWrite.All"));
  const northwind = "/api/tenants/northwind.onmicrosoft.com/actions";
  const user = await server.api<Answer>("POST", `${northwind}/licenses.assign-user`, { userId: "admin@northwind.onmicrosoft.com", add: [{ sku: "SPB" }] });
  assert.equal(user.status, 403);
  assert.equal(user.body.error?.code, "consent_missing");
  assert.match(user.body.error?.message ?? "", /LicenseAssignment\.ReadWrite\.All/);
  assert.match(user.body.error?.fix ?? "", /admin consent/);
  const group = await server.api<Answer>("POST", `${northwind}/licenses.assign-group`, { groupId: "00000000-0000-4000-8000-000000000000", add: [{ sku: "SPB" }] });
  assert.deepEqual([group.status, group.body.error?.code], [403, "consent_missing"]);
});
