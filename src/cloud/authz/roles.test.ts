import assert from "node:assert/strict";
import { test } from "node:test";
import { allRoles, roleByName, roleByTemplateId } from "./roles.ts";

test("roleByTemplateId finds built-in roles by template id, in any case", () => {
  assert.equal(roleByTemplateId("62e90394-69f5-4237-9190-012177145e10")?.displayName, "Global Administrator");
  assert.equal(roleByTemplateId(" 62E90394-69F5-4237-9190-012177145E10 ")?.displayName, "Global Administrator");
  assert.equal(roleByTemplateId("00000000-0000-0000-0000-000000000000"), undefined);
});

test("roleByName matches display names case-insensitively", () => {
  assert.equal(roleByName("helpdesk administrator")?.templateId, "729827e3-9c14-49f7-bb1b-9608f156bbb8");
  assert.equal(roleByName("  User Administrator ")?.templateId, "fe930be7-5e62-47db-91af-98c3a49a38b1");
  assert.equal(roleByName("Helpdesk Admin"), undefined, "abbreviations are not display names");
});

test("allRoles exposes every role once", () => {
  const roles = allRoles();
  assert.equal(new Set(roles.map((r) => r.templateId)).size, roles.length);
  assert.ok(roles.length >= 100);
});
