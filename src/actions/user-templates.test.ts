import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { Client } from "@microsoft/microsoft-graph-client";
import { after, before, describe, test } from "node:test";
import { directoryAuditReader } from "../../test/support/directory-audits.ts";
import { tenantReader } from "../../test/support/tenant-reader.ts";
import { startTenantry, type TenantryServer } from "../../test/support/tenantry-server.ts";
import { actionIds } from "../catalog/action-ids.ts";
import { executors } from "./executors/executor-registry.ts";

let server: TenantryServer;
let graph: Client;

before(async () => {
  server = await startTenantry();
  graph = (await tenantReader(server.cloudUrl, "contoso.onmicrosoft.com")).graph;
});

after(async () => {
  await server.stop();
  await server.remove();
});

interface Step {
  action: string;
  state: string;
  replayed?: boolean;
  run?: { id: string; state: string; inputs: Record<string, unknown>; after: Record<string, unknown> | null };
  error?: { code: string; message: string };
}

interface Onboarding {
  userId: string | null;
  userPrincipalName: string;
  state: string;
  steps: Step[];
  secret?: { password: string };
  error?: { code: string; message: string; field?: string };
}

interface ApiError {
  error: { code: string; field?: string; message: string };
}

const sales = {
  description: "Sales staff in Germany",
  domain: "contoso.onmicrosoft.com",
  usageLocation: "DE",
  properties: { department: "Sales", companyName: "Contoso GmbH", city: "Berlin", country: "Germany" },
  licenses: [] as { sku: string; disabledPlans: string[] }[],
  groups: [] as string[],
};

/** The state a later step reaches: its executor may still be missing from the registry, then the step cannot run. */
function expectedState(action: string, whenRun: string): string {
  return executors.has(action as never) ? whenRun : "not-run";
}

describe("user templates", () => {
  test("are created, read, listed, replaced and deleted; bad input is refused with the field", async () => {
    const name = `sales-${randomUUID().slice(0, 6)}`;
    const created = await server.api<{ id: string; name: string; domain: string; properties: Record<string, string> }>("PUT", `/api/user-templates/${name}`, sales);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.name, name);
    assert.deepEqual(created.body.properties, sales.properties);
    const replaced = await server.api<{ id: string; properties: Record<string, string> }>("PUT", `/api/user-templates/${name}`, { ...sales, properties: { department: "Inside sales" } });
    assert.equal(replaced.status, 200);
    assert.equal(replaced.body.id, created.body.id);
    const read = await server.api<{ properties: Record<string, string> }>("GET", `/api/user-templates/${name}`);
    assert.deepEqual(read.body.properties, { department: "Inside sales" });
    const list = await server.api<{ value: { name: string }[] }>("GET", "/api/user-templates");
    assert.ok(list.body.value.some((t) => t.name === name));

    const bad: [string, unknown, string][] = [
      ["Sales Team", sales, "name"],
      [name, { ...sales, licenses: [{ sku: "ENTERPRISEPACK" }], usageLocation: undefined }, "usageLocation"],
      [name, { ...sales, properties: { department: "x".repeat(65) } }, "properties.department"],
      [name, { ...sales, properties: { displayName: "Not a template property" } }, "properties"],
      [name, { ...sales, groups: ["not-a-guid"] }, "groups.0"],
      [name, { ...sales, domain: "not a domain" }, "domain"],
      [name, { ...sales, manager: "someone" }, "manager"],
    ];
    for (const [templateName, body, field] of bad) {
      const refused = await server.api<ApiError>("PUT", `/api/user-templates/${encodeURIComponent(templateName)}`, body);
      assert.equal(refused.status, 400, `${field}: ${JSON.stringify(refused.body)}`);
      assert.equal(refused.body.error.code, "invalid_input");
      assert.ok(refused.body.error.field?.startsWith(field) || refused.body.error.message.includes(field), `${field}: ${JSON.stringify(refused.body)}`);
    }
    assert.deepEqual((await server.api<{ properties: object }>("GET", `/api/user-templates/${name}`)).body.properties, { department: "Inside sales" });

    assert.equal((await server.api("DELETE", `/api/user-templates/${name}`)).status, 204);
    const gone = await server.api<ApiError>("GET", `/api/user-templates/${name}`);
    assert.equal(gone.status, 404);
    assert.equal(gone.body.error.code, "template_not_found");
    assert.equal((await server.api("DELETE", `/api/user-templates/${name}`)).status, 404);
    const audit = await server.api<{ value: { action: string; target: { display: string }; before: { properties?: object } | null }[] }>("GET", `/api/audit?order=asc&target=${name}`);
    const changes = audit.body.value.filter((e) => e.target?.display === name);
    assert.deepEqual(changes.map((e) => e.action), ["user-templates.set", "user-templates.set", "user-templates.remove"]);
    assert.deepEqual(changes[2]!.before?.properties, { department: "Inside sales" });
  });

  test("a user is created from a template with its licences and groups, and a retry with the same key creates nothing new", async () => {
    const skus = (await graph.api("/subscribedSkus").get()) as { value: { skuPartNumber: string; consumedUnits: number; prepaidUnits: { enabled: number } }[] };
    const sku = skus.value.find((s) => s.prepaidUnits.enabled - s.consumedUnits > 5);
    assert.ok(sku, "contoso has a licence with free seats");
    const groups = (await graph.api("/groups").filter("securityEnabled eq true").select("id,isAssignableToRole,onPremisesSyncEnabled,groupTypes").top(50).get()) as {
      value: { id: string; isAssignableToRole: boolean | null; onPremisesSyncEnabled: boolean | null; groupTypes: string[] }[];
    };
    const group = groups.value.find((g) => !g.isAssignableToRole && !g.onPremisesSyncEnabled && !g.groupTypes.includes("DynamicMembership"));
    assert.ok(group, "contoso has a cloud security group");
    const name = `onboard-${randomUUID().slice(0, 6)}`;
    assert.equal((await server.api("PUT", `/api/user-templates/${name}`, { ...sales, licenses: [{ sku: sku.skuPartNumber, disabledPlans: [] }], groups: [group.id] })).status, 201);

    const since = new Date(Date.now() - 1000).toISOString();
    const alias = `hire-${randomUUID().slice(0, 8)}`;
    const path = `/api/tenants/contoso.onmicrosoft.com/user-templates/${name}/create-user`;
    const headers = { "Idempotency-Key": `onboard-${alias}` };
    const person = { alias, displayName: "Hanna Hire", givenName: "Hanna", surname: "Hire" };
    const first = await server.api<Onboarding>("POST", path, person, headers);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const upn = `${alias}@contoso.onmicrosoft.com`;
    assert.equal(first.body.userPrincipalName, upn);
    assert.match(first.body.secret?.password ?? "", /^.{16}$/);
    assert.deepEqual(first.body.steps.map((s) => s.action), [actionIds.usersCreate, actionIds.licensesAssignUser, actionIds.groupsAddMember]);
    const [create, licences, membership] = first.body.steps;
    assert.equal(create!.state, "succeeded");
    assert.equal(create!.run?.inputs.templateId, name);
    assert.equal(create!.run?.inputs.department, "Sales");
    assert.equal(create!.run?.inputs.usageLocation, "DE");
    assert.equal(licences!.state, expectedState(actionIds.licensesAssignUser, "succeeded"));
    assert.equal(membership!.state, expectedState(actionIds.groupsAddMember, "succeeded"));
    assert.equal(first.body.state, first.body.steps.every((s) => s.state === "succeeded") ? "succeeded" : "partial");
    const user = await graph.api(`/users/${first.body.userId}`).select("userPrincipalName,department,companyName,city,usageLocation,givenName").get();
    assert.deepEqual([user.userPrincipalName, user.department, user.companyName, user.city, user.usageLocation, user.givenName], [upn, "Sales", "Contoso GmbH", "Berlin", "DE", "Hanna"]);

    const audits = await directoryAuditReader(server.cloudUrl, "contoso.onmicrosoft.com");
    const eventsAfterFirst = (await audits.about(first.body.userId!, since)).map((e) => e.activityDisplayName);
    assert.equal(eventsAfterFirst.filter((e) => e === "Add user").length, 1);

    const retry = await server.api<Onboarding>("POST", path, person, headers);
    assert.equal(retry.status, 200, JSON.stringify(retry.body));
    assert.equal(retry.body.secret, undefined);
    assert.equal(retry.body.userId, first.body.userId);
    assert.equal(retry.body.steps[0]!.replayed, true);
    assert.equal(retry.body.steps[0]!.run?.id, create!.run?.id);
    for (const [index, step] of retry.body.steps.entries()) {
      if (step.run) assert.deepEqual([step.replayed, step.run.id], [true, first.body.steps[index]!.run?.id], step.action);
    }
    assert.deepEqual((await audits.about(first.body.userId!, since)).map((e) => e.activityDisplayName), eventsAfterFirst);
  });

  test("a later step that cannot succeed leaves the user in place; a refused creation skips the rest", async () => {
    const name = `partial-${randomUUID().slice(0, 6)}`;
    assert.equal((await server.api("PUT", `/api/user-templates/${name}`, { ...sales, groups: [randomUUID()] })).status, 201);
    const alias = `partial-${randomUUID().slice(0, 8)}`;
    const partial = await server.api<Onboarding>("POST", `/api/tenants/contoso.onmicrosoft.com/user-templates/${name}/create-user`, { alias, displayName: "Pat Partial" });
    assert.equal(partial.status, 200, JSON.stringify(partial.body));
    assert.equal(partial.body.state, "partial");
    assert.deepEqual(partial.body.steps.map((s) => s.state), ["succeeded", expectedState(actionIds.groupsAddMember, "refused")]);
    assert.equal((await graph.api(`/users/${partial.body.userId}`).select("id").get()).id, partial.body.userId);

    const foreign = `foreign-${randomUUID().slice(0, 6)}`;
    assert.equal((await server.api("PUT", `/api/user-templates/${foreign}`, { ...sales, domain: "fabrikam.com", groups: [randomUUID()] })).status, 201);
    const refused = await server.api<Onboarding>("POST", `/api/tenants/contoso.onmicrosoft.com/user-templates/${foreign}/create-user`, { alias, displayName: "Pat Partial" });
    assert.equal(refused.status, 422, JSON.stringify(refused.body));
    assert.equal(refused.body.state, "failed");
    assert.equal(refused.body.error?.code, "domain_not_verified");
    assert.deepEqual(refused.body.steps.map((s) => s.state), ["refused", "skipped"]);

    const both = await server.api<ApiError>("POST", `/api/tenants/contoso.onmicrosoft.com/user-templates/${name}/create-user`, { alias, userPrincipalName: `${alias}@contoso.onmicrosoft.com`, displayName: "Two names" });
    assert.equal(both.status, 400);
    assert.equal(both.body.error.field, "alias");
    const missing = await server.api<ApiError>("POST", "/api/tenants/contoso.onmicrosoft.com/user-templates/no-such-template/create-user", { alias, displayName: "Nobody" });
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, "template_not_found");
  });
});
