import assert from "node:assert/strict";
import { test } from "node:test";
import { appRoleIdFor, isPublishedAppRoleId, MICROSOFT_GRAPH_APP_ID } from "./app-role-ids.ts";
import { allApplicationPermissionNames } from "./required-permissions.ts";
import { uuidV5 } from "./uuid-v5.ts";

test("uuidV5 matches the RFC 9562 example (DNS namespace, www.example.com)", () => {
  assert.equal(uuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com"), "2ed6657d-e927-568b-95e1-2665a8aea6a2");
  assert.throws(() => uuidV5("not-a-uuid", "x"));
});

test("appRoleIdFor returns Microsoft's published ids for common Graph permissions", () => {
  assert.equal(appRoleIdFor("User.Read.All"), "df021288-bdef-4463-88db-98f22de89214");
  assert.equal(appRoleIdFor("Group.Read.All"), "5b567255-7703-4780-807c-7be8301ae99b");
  assert.equal(appRoleIdFor("Directory.Read.All"), "7ab1d382-f21e-4acd-a863-ba3e13f7da61");
  assert.equal(appRoleIdFor("User.DeleteRestore.All"), "eccc023d-eccf-4e7b-9683-8813ab36cecc");
  assert.ok(isPublishedAppRoleId("User.Read.All"));
});

test("appRoleIdFor derives a stable UUIDv5 in the Graph appId namespace for unpublished names", () => {
  assert.ok(!isPublishedAppRoleId("AgentIdentity.Read.All"));
  assert.equal(appRoleIdFor("AgentIdentity.Read.All"), uuidV5(MICROSOFT_GRAPH_APP_ID, "AgentIdentity.Read.All"));
  assert.equal(appRoleIdFor("AgentIdentity.Read.All"), "848300bf-0040-5bca-afbf-2cc4c6e86f32");
});

test("every application permission gets a distinct id", () => {
  const names = allApplicationPermissionNames();
  const ids = new Set(names.map(appRoleIdFor));
  assert.equal(ids.size, names.length);
  for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
});
