import assert from "node:assert/strict";
import { test } from "node:test";
import { GraphError } from "../graph-error.ts";
import { checkDependencies } from "./batch-dependencies.ts";
import type { BatchStep } from "./batch-request-parser.ts";

const step = (id: string, ...dependsOn: string[]): BatchStep => ({ id, method: "GET", url: "users", headers: {}, body: undefined, dependsOn });

function refusal(steps: BatchStep[]): string {
  try {
    checkDependencies(steps);
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    assert.equal(error.status, 400);
    assert.equal(error.code, "BadRequest");
    return error.message;
  }
  throw new Error("the dependencies were accepted but were expected to be refused");
}

test("fully parallel, a chain, and every request depending on the first are accepted; ids match without regard to case", () => {
  checkDependencies([step("1"), step("2"), step("3")]);
  checkDependencies([step("a"), step("b", "A"), step("c", "B")]);
  checkDependencies([step("1"), step("2", "1"), step("3", "1"), step("4", "1", "3")]);
});

test("a dependency on an unknown, a later or the same request is invalid, so cycles are refused", () => {
  assert.equal(refusal([step("1"), step("2", "9")]), "Invalid dependency for request Id 2.");
  assert.equal(refusal([step("1", "2"), step("2", "1")]), "Invalid dependency for request Id 1.");
  assert.equal(refusal([step("1"), step("2", "2")]), "Invalid dependency for request Id 2.");
});

test("a batch mixing independent and dependent requests is refused", () => {
  // Microsoft's own former example: 1 and 3 first, then 2 after 1, then 4 after 2 and 3.
  assert.equal(refusal([step("1"), step("2", "1"), step("3"), step("4", "2", "3")]), "Batch should be either fully sequential or fully parallel.");
});
