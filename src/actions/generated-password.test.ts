import assert from "node:assert/strict";
import { test } from "node:test";
import { customPassword } from "../catalog/input-schemas.ts";
import { generatePassword } from "./generated-password.ts";

test("generated passwords meet Entra's rules, use every class, and do not repeat", () => {
  const seen = new Set<string>();
  for (let i = 0; i < 2000; i++) {
    const password = generatePassword();
    assert.equal(password.length, 16);
    assert.ok(customPassword.safeParse(password).success, password);
    for (const pattern of [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/]) assert.match(password, pattern);
    assert.doesNotMatch(password, /[Il1O0]/);
    seen.add(password);
  }
  assert.equal(seen.size, 2000);
});
