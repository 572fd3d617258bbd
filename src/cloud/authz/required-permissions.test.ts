import assert from "node:assert/strict";
import { test } from "node:test";
import graphAppPermissions from "../../../data/graph-app-permissions.json" with { type: "json" };
import { normalizeRouteKey } from "./graph-route.ts";
import { MISSING_PATHS } from "./missing-paths.ts";
import {
  allApplicationPermissionNames,
  applicationPermissionsFor,
  permissionInfo,
  permissionNameForAppRoleId,
} from "./required-permissions.ts";

function required(method: string, route: string, objectType?: string) {
  const found = applicationPermissionsFor(method, route, objectType);
  assert.ok(found, `${method} ${route} should be known`);
  return found;
}

test("GET /users accepts User.Read.All and its least privilege is User.ReadBasic.All", () => {
  const { accepted, least } = required("GET", "/users");
  assert.ok(accepted.includes("User.Read.All"));
  assert.deepEqual(least, ["User.ReadBasic.All"]);
});

test("PATCH /users/{id} needs User.ReadWrite.All at least, and accepts the property-scoped permissions", () => {
  const { accepted, least } = required("PATCH", "/users/{id}");
  assert.deepEqual(least, ["User.ReadWrite.All"]);
  for (const name of ["User-PasswordProfile.ReadWrite.All", "User-Phone.ReadWrite.All", "User.EnableDisableAccount.All"]) {
    assert.ok(accepted.includes(name), name);
  }
  assert.ok(!accepted.includes("User.Read.All"));
});

test("DELETE /users/{id}: User.DeleteRestore.All is least, User.ReadWrite.All still accepted", () => {
  const { accepted, least } = required("DELETE", "/users/{id}");
  assert.deepEqual(least, ["User.DeleteRestore.All"]);
  assert.ok(accepted.includes("User.ReadWrite.All"));
});

test("POST /users/{id}/assignLicense needs LicenseAssignment.ReadWrite.All at least", () => {
  assert.deepEqual(required("POST", "/users/{id}/assignLicense").least, ["LicenseAssignment.ReadWrite.All"]);
  assert.deepEqual(required("POST", "/groups/{id}/assignLicense").least, ["LicenseAssignment.ReadWrite.All"]);
});

test("manager $ref operations resolve to the manager navigation the source lists", () => {
  for (const method of ["PUT", "DELETE"]) {
    const { accepted, least } = required(method, "/users/{id}/manager/$ref");
    assert.deepEqual(least, ["User.ReadWrite.All"], method);
    assert.ok(!accepted.includes("User.Read.All"), method);
  }
  assert.ok(required("GET", "/users/{id}/manager").accepted.includes("User.Read.All"));
});

test("group member add (missing from the source) and remove both need GroupMember.ReadWrite.All at least", () => {
  const add = required("POST", "/groups/{id}/members/$ref");
  const remove = required("DELETE", "/groups/{id}/members/{id}/$ref");
  assert.deepEqual(add.least, ["GroupMember.ReadWrite.All"]);
  assert.deepEqual(remove.least, ["GroupMember.ReadWrite.All"]);
  assert.deepEqual([...add.accepted], [...remove.accepted]);
  assert.ok(!add.accepted.includes("GroupMember.Read.All"));
});

test("deleted items: restore from the source, get/list/delete from Learn, per object type", () => {
  assert.deepEqual(required("POST", "/directory/deletedItems/{id}/restore").least, ["User.DeleteRestore.All"]);
  assert.deepEqual(required("GET", "/directory/deletedItems/{id}", "user").least, ["User.Read.All"]);
  assert.deepEqual(required("GET", "/directory/deletedItems/{id}", "microsoft.graph.group").least, ["Group.Read.All"]);
  assert.deepEqual(required("GET", "/directory/deletedItems/microsoft.graph.user").least, ["User.Read.All"]);
  assert.deepEqual(required("DELETE", "/directory/deletedItems/{id}", "user").accepted, ["User.DeleteRestore.All"]);
  assert.deepEqual(required("DELETE", "/directory/deletedItems/{id}", "group").accepted, []);
  const anyType = required("GET", "/directory/deletedItems/{id}");
  assert.ok(anyType.accepted.includes("User.Read.All") && anyType.accepted.includes("Group.Read.All"));
  assert.equal(applicationPermissionsFor("GET", "/directory/deletedItems/{id}", "device"), undefined);
});

test("matching ignores case and placeholder names, and resolves $count, $value and type casts", () => {
  assert.deepEqual(required("get", "/USERS/{userId}"), required("GET", "/users/{id}"));
  assert.deepEqual(required("GET", "/subscribedSkus"), required("GET", "/subscribedskus"));
  assert.deepEqual(required("GET", "/users/$count"), required("GET", "/users"));
  assert.deepEqual(required("GET", "/groups/{id}/members/microsoft.graph.user"), required("GET", "/groups/{id}/members"));
  assert.deepEqual(
    required("POST", "/users/{id}/microsoft.graph.assignLicense"),
    required("POST", "/users/{id}/assignLicense"),
  );
  assert.ok(required("GET", "/servicePrincipals(appId='{appId}')").accepted.includes("Application.Read.All"));
});

test("unknown paths, /me and $batch have no application permissions", () => {
  assert.equal(applicationPermissionsFor("GET", "/nothing/here"), undefined);
  assert.equal(applicationPermissionsFor("GET", "/me"), undefined);
  assert.equal(applicationPermissionsFor("POST", "/$batch"), undefined);
  assert.equal(applicationPermissionsFor("PATCH", "/subscribedSkus"), undefined);
});

test("odd least markers are corrected for the product's paths", () => {
  assert.deepEqual(required("GET", "/organization").least, ["Organization.Read.All"]);
  assert.deepEqual(required("GET", "/organization/{id}").least, ["Organization.Read.All"]);
  assert.ok(required("GET", "/organization/{id}").accepted.includes("Organization.Read.All"));
  assert.deepEqual(required("PATCH", "/organization/{id}").least, ["Organization.ReadWrite.All"]);
  assert.deepEqual(required("GET", "/groups/{id}").least, ["GroupMember.Read.All"]);
  assert.deepEqual(required("PATCH", "/groups/{id}").least, ["Group.ReadWrite.All"]);
  assert.deepEqual(required("GET", "/groups").least, ["Group.ReadBasic.All"]);
});

test("alsoRequires is carried through where the source says a permission needs a companion", () => {
  const owners = required("POST", "/applications/{id}/owners/$ref");
  assert.deepEqual(owners.alsoRequires?.["Application.ReadWrite.OwnedBy"], ["Directory.Read.All"]);
});

test("missing-paths entries are really missing from the source, and use known permission names", () => {
  const sourceKeys = new Set(Object.keys(graphAppPermissions.paths).map(normalizeRouteKey));
  const known = new Set(allApplicationPermissionNames());
  for (const [key, entry] of Object.entries(MISSING_PATHS)) {
    assert.ok(!sourceKeys.has(normalizeRouteKey(key)), `${key} is in the source now; drop it from missing-paths.ts`);
    const variants = "byObjectType" in entry ? Object.values(entry.byObjectType) : [entry];
    for (const { accepted, least } of variants) {
      for (const name of [...accepted, ...least]) assert.ok(known.has(name), `${key}: ${name}`);
      for (const name of least) assert.ok(accepted.includes(name), `${key}: least ${name} not accepted`);
    }
  }
});

test("permissionInfo describes application permissions only", () => {
  const info = permissionInfo("User.Read.All");
  assert.equal(info?.displayName, "Read all users' full profiles and company properties");
  assert.equal(info?.privilegeLevel, 3);
  assert.equal(permissionInfo("User.Read"), undefined, "User.Read is delegated only");
  assert.equal(permissionInfo("toString"), undefined);
});

test("allApplicationPermissionNames is sorted, unique and complete", () => {
  const names = allApplicationPermissionNames();
  assert.deepEqual([...names], [...new Set(names)].sort());
  assert.equal(names.length, Object.keys(graphAppPermissions.permissions).length);
  assert.ok(names.includes("LicenseAssignment.ReadWrite.All"));
});

test("permissionNameForAppRoleId reverses Microsoft's published ids", () => {
  assert.equal(permissionNameForAppRoleId("df021288-bdef-4463-88db-98f22de89214"), "User.Read.All");
  assert.equal(permissionNameForAppRoleId("DF021288-BDEF-4463-88DB-98F22DE89214"), "User.Read.All");
  assert.equal(permissionNameForAppRoleId("00000000-0000-0000-0000-000000000000"), undefined);
});
