import assert from "node:assert/strict";
import { test } from "node:test";
import { graphPermissionGaps } from "./graph-permission-gaps.ts";
import { graphPermissionsFor, normalizeGraphPath, permissionDescription, routeKeys, sourcePermissionsFor } from "./graph-permission-map.ts";

test("normalizeGraphPath lower-cases, writes every placeholder {id} and drops query and trailing slash", () => {
  assert.equal(normalizeGraphPath("/Users/{user-id}/Manager/$ref/?$select=id"), "/users/{id}/manager/$ref");
  assert.equal(normalizeGraphPath("/groups/{id}/members/{memberId}/$ref"), "/groups/{id}/members/{id}/$ref");
  assert.equal(normalizeGraphPath("subscribedSkus"), "/subscribedskus");
});

test("routeKeys tries the path as given, then without a trailing $ref", () => {
  assert.deepEqual(routeKeys("PUT", "/users/{id}/manager/$ref"), ["PUT /users/{id}/manager/$ref", "PUT /users/{id}/manager"]);
  assert.deepEqual(routeKeys("GET", "/users"), ["GET /users"]);
});

test("paths resolve with the data file's accepted and least permissions", () => {
  const patch = graphPermissionsFor("PATCH", "/users/{userId}");
  assert.ok(patch);
  assert.deepEqual(patch.least, ["User.ReadWrite.All"]);
  assert.ok(patch.accepted.includes("User-Phone.ReadWrite.All"));
  assert.ok(!patch.accepted.includes("User.Read.All"));

  const memberOf = graphPermissionsFor("GET", "/users/{id}/memberOf");
  assert.ok(memberOf);
  assert.ok(!memberOf.accepted.includes("GroupMember.Read.All"), "memberOf does not accept GroupMember.Read.All");

  const removeMember = graphPermissionsFor("DELETE", "/groups/{id}/members/{memberId}/$ref");
  assert.deepEqual(removeMember?.least, ["GroupMember.ReadWrite.All"]);
  assert.equal(graphPermissionsFor("GET", "/no/such/path"), undefined);
});

test("every gap is absent from the data file (remove it once the data file has the path) and is self-consistent", () => {
  for (const gap of graphPermissionGaps) {
    assert.equal(sourcePermissionsFor(gap.method, gap.path), undefined, `${gap.method} ${gap.path} is now in the data file`);
    assert.deepEqual(graphPermissionsFor(gap.method, gap.path)?.accepted, gap.accepted);
    for (const least of gap.least) assert.ok(gap.accepted.includes(least), `${gap.path}: least ${least} is accepted`);
    for (const name of gap.accepted) assert.ok(permissionDescription(name), `${name} is a Graph application permission`);
    assert.match(gap.source, /^https:\/\/learn\.microsoft\.com\/graph\/api\//);
  }
});

test("permissionDescription gives Microsoft's name, description and privilege level", () => {
  const description = permissionDescription("User-Phone.ReadWrite.All");
  assert.ok(description);
  assert.match(description.displayName, /phone/i);
  assert.equal(typeof description.privilegeLevel, "number");
  assert.equal(permissionDescription("No.Such.Permission"), undefined);
  assert.equal(permissionDescription("toString"), undefined);
});
