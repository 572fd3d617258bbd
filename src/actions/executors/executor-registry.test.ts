import assert from "node:assert/strict";
import { test } from "node:test";
import { catalog } from "../../catalog/catalog.ts";
import { executors } from "./executor-registry.ts";

test("every catalog action has an executor of its kind, and there is none without an action", () => {
  for (const action of catalog) assert.equal(executors.get(action.id)?.kind, action.kind, `${action.id}`);
  assert.equal(executors.size, catalog.length);
});
