import assert from "node:assert/strict";
import { test } from "node:test";
import { Router } from "./router.ts";

const router = new Router<string>()
  .add("GET", "/users/{userId}", "user")
  .add("GET", "/users/delta", "delta")
  .add("PATCH", "/users/{userId}", "patch")
  .add("GET", "/users/{userId}/manager/$ref", "manager");

test("a literal segment wins over a parameter, and literals match without regard to case", () => {
  assert.equal((router.match("GET", ["Users", "DELTA"]) as { handler: string }).handler, "delta");
  const user = router.match("GET", ["users", "ada@contoso.com"]) as { handler: string; params: Record<string, string> };
  assert.equal(user.handler, "user");
  assert.equal(user.params.userId, "ada@contoso.com");
  assert.equal((router.match("GET", ["users", "x", "Manager", "$ref"]) as { handler: string }).handler, "manager");
});

test("a known path with another method is told apart from an unknown path", () => {
  assert.equal(router.match("DELETE", ["users", "x"]), "method-not-allowed");
  assert.equal(router.match("GET", ["groups"]), undefined);
});

test("the first segment no route takes is the one Graph names", () => {
  assert.equal(router.firstUnknownSegment(["v1.0", "users"]), "v1.0");
  assert.equal(router.firstUnknownSegment(["users", "x", "photos"]), "photos");
});
