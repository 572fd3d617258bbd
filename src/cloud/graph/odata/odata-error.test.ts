import assert from "node:assert/strict";
import { test } from "node:test";
import { ODataQueryError } from "./odata-error.ts";

test("ODataQueryError carries status, code and message", () => {
  const error = new ODataQueryError(400, "Request_UnsupportedQuery", "Unsupported Query.");
  assert.ok(error instanceof Error);
  assert.equal(error.status, 400);
  assert.equal(error.code, "Request_UnsupportedQuery");
  assert.equal(error.message, "Unsupported Query.");
  assert.equal(error.name, "ODataQueryError");
});
