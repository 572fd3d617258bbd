import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { DEMO_ROLES } from "./demo-roles.ts";

const file = new URL("../../../data/entra-roles.json", import.meta.url);

test("demo role template ids match data/entra-roles.json", () => {
  const roles = JSON.parse(readFileSync(file, "utf8")) as { displayName: string; templateId: string }[];
  for (const role of Object.values(DEMO_ROLES)) {
    const real = roles.find((r) => r.displayName === role.displayName);
    assert.ok(real, `${role.displayName} is a built-in role`);
    assert.equal(role.templateId, real.templateId, role.displayName);
  }
});
