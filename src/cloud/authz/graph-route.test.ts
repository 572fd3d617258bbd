import assert from "node:assert/strict";
import { test } from "node:test";
import { graphRouteCandidates, normalizeGraphPath, normalizeRouteKey } from "./graph-route.ts";

test("normalizeGraphPath lower-cases, names every placeholder {id} and drops version, query and trailing slash", () => {
  assert.equal(normalizeGraphPath("/v1.0/Users/{userId}/Manager/?$select=id"), "/users/{id}/manager");
  assert.equal(normalizeGraphPath("https://graph.microsoft.com/beta/groups/{group-id}"), "/groups/{id}");
  assert.equal(normalizeGraphPath("users"), "/users");
  assert.equal(normalizeGraphPath("/groups/:groupId/members/:memberId/$ref"), "/groups/{id}/members/{id}/$ref");
});

test("normalizeGraphPath writes key values in parentheses as {value}", () => {
  assert.equal(normalizeGraphPath("/servicePrincipals(appId='{appId}')"), "/serviceprincipals(appid={value})");
  assert.equal(normalizeGraphPath("/servicePrincipals(appId='abc')/owners"), "/serviceprincipals(appid={value})/owners");
  assert.equal(normalizeGraphPath("/users/delta()"), "/users/delta()");
});

test("graphRouteCandidates tries the path, then without $ref, then without $count/$value", () => {
  assert.deepEqual(graphRouteCandidates("put", "/users/{id}/manager/$ref"), [
    "PUT /users/{id}/manager/$ref",
    "PUT /users/{id}/manager",
  ]);
  assert.deepEqual(graphRouteCandidates("GET", "/users/$count"), ["GET /users/$count", "GET /users"]);
  assert.deepEqual(graphRouteCandidates("GET", "/users/{id}/photo/$value"), [
    "GET /users/{id}/photo/$value",
    "GET /users/{id}/photo",
  ]);
});

test("graphRouteCandidates reads microsoft.graph segments as qualified actions first, then as type casts", () => {
  assert.deepEqual(graphRouteCandidates("POST", "/users/{id}/microsoft.graph.assignLicense"), [
    "POST /users/{id}/microsoft.graph.assignlicense",
    "POST /users/{id}/assignlicense",
    "POST /users/{id}",
  ]);
  assert.deepEqual(graphRouteCandidates("GET", "/groups/{id}/members/microsoft.graph.user/$count"), [
    "GET /groups/{id}/members/microsoft.graph.user/$count",
    "GET /groups/{id}/members/microsoft.graph.user",
    "GET /groups/{id}/members/user",
    "GET /groups/{id}/members",
  ]);
});

test("normalizeRouteKey normalises the path part of a data key", () => {
  assert.equal(normalizeRouteKey("get /users/{userId}/sponsors/"), "GET /users/{id}/sponsors");
});
