// GET /api/actions: the catalog as the console builds its forms from it, every action with its input as JSON
// Schema and what on-premises Active Directory masters for a synced user.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startTenantry, type TenantryServer } from "../../test/support/tenantry-server.ts";
import { catalog } from "../catalog/catalog.ts";
import type { CatalogAnswer } from "./catalog-routes.ts";

interface Schema {
  type?: string;
  maxLength?: number;
  maxItems?: number;
  anyOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
}

let server: TenantryServer;

before(async () => {
  server = await startTenantry();
});

after(async () => {
  await server?.stop();
  await server?.remove();
});

describe("GET /api/actions", () => {
  test("lists every catalog action once, with its kind, module and input as JSON Schema", async () => {
    const { status, body } = await server.api<CatalogAnswer>("GET", "/api/actions");
    assert.equal(status, 200, JSON.stringify(body));
    assert.deepEqual(body.value.map((a) => a.id), catalog.map((a) => a.id));
    const get = body.value.find((a) => a.id === "users.get")!;
    assert.equal(get.kind, "read");
    assert.equal(get.module, "reporting");
    assert.deepEqual((get.input as Schema).required, ["userId"]);
  });

  test("a form can be built from an input: bounded text that may be cleared, lists with their bounds", async () => {
    const { body } = await server.api<CatalogAnswer>("GET", "/api/actions");
    const changesOf = (id: string) => (body.value.find((a) => a.id === id)!.input as Schema).properties!.changes!.properties!;
    const jobTitle = changesOf("users.update-properties").jobTitle!;
    assert.deepEqual(jobTitle.anyOf?.map((s) => s.type), ["string", "null"]);
    assert.equal(jobTitle.anyOf?.[0]?.maxLength, 128);
    const phones = changesOf("users.update-phones").businessPhones!;
    assert.equal(phones.type, "array");
    assert.equal(phones.maxItems, 1);
    assert.equal(phones.items?.maxLength, 64);
    assert.equal(changesOf("users.update-other-mails").otherMails?.maxItems, 100);
  });

  test("says which properties on-premises Active Directory masters for a synced user, as the synced-user guard refuses them", async () => {
    const { body } = await server.api<CatalogAnswer>("GET", "/api/actions");
    const mastered = (id: string) => body.value.find((a) => a.id === id)!.onPremisesMastered;
    assert.ok(mastered("users.update-properties").includes("jobTitle"));
    assert.ok(mastered("users.update-properties").includes("manager"));
    assert.ok(!mastered("users.update-properties").includes("usageLocation"));
    assert.deepEqual(mastered("users.disable"), ["accountEnabled"]);
    assert.deepEqual(mastered("users.reset-password"), [], "the cloud password stays the cloud's");
    assert.deepEqual(mastered("licenses.assign-user"), []);
    assert.deepEqual(body.cloudMasteredUserProperties, ["usageLocation", "passwordProfile"]);
  });

  test("needs a signed-in operator or a token, and is in the OpenAPI document", async () => {
    assert.equal((await fetch(`${server.url}/api/actions`)).status, 401);
    const openapi = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    assert.ok(openapi.paths["/api/actions"]);
    assert.ok(openapi.paths["/api/tenants/{tenant}/users/{user}/allowed-actions"]);
  });
});
