import assert from "node:assert/strict";
import { test } from "node:test";
import { readIgnoringCase, readPath } from "./read-property.ts";

test("readIgnoringCase prefers the exact name and falls back to any casing", () => {
  const record = { displayName: "Adele", DISPLAYNAME: "other", mail: "a@contoso.com" };
  assert.equal(readIgnoringCase(record, "displayName"), "Adele");
  assert.equal(readIgnoringCase(record, "MAIL"), "a@contoso.com");
  assert.equal(readIgnoringCase(record, "missing"), undefined);
});

test("readPath follows nested objects and stops at anything else", () => {
  const record = { onPremisesExtensionAttributes: { extensionAttribute1: "x" }, tags: ["a"], nothing: null };
  assert.equal(readPath(record, ["onPremisesExtensionAttributes", "extensionAttribute1"], readIgnoringCase), "x");
  assert.equal(readPath(record, ["nothing", "deeper"], readIgnoringCase), undefined);
  assert.equal(readPath(record, ["tags", "length"], readIgnoringCase), undefined);
  assert.equal(readPath(record, [], readIgnoringCase), record);
});
