import assert from "node:assert/strict";
import { test } from "node:test";
import { compareValues, valuesEqual } from "./filter-values.ts";

test("strings and GUIDs compare ignoring case", () => {
  assert.equal(compareValues("ADELE@contoso.com", "adele@CONTOSO.com", "string"), 0);
  assert.equal(compareValues("6FD2C87F-B296-42F0-B197-1E91E994B900", "6fd2c87f-b296-42f0-b197-1e91e994b900", "guid"), 0);
  assert.equal(compareValues("apple", "Banana", "string"), -1);
});

test("dates compare by instant, whatever their notation", () => {
  assert.equal(compareValues("2024-01-01T02:00:00+02:00", "2024-01-01T00:00:00Z", "dateTimeOffset"), 0);
  assert.equal(compareValues("2023-12-31T23:59:59Z", "2024-01-01", "date"), -1);
  assert.equal(compareValues(new Date("2025-01-01T00:00:00Z"), "2024-06-01T00:00:00Z", "dateTimeOffset"), 1);
  assert.equal(compareValues("2024-01-02T00:00:00Z", "2024-01-01T00:00:00Z"), 1, "ISO strings are dates without a hint");
});

test("numbers and booleans compare naturally; mismatched kinds do not compare", () => {
  assert.equal(compareValues(2, 10, "number"), -1);
  assert.equal(compareValues(false, true, "boolean"), -1);
  assert.equal(compareValues("true", true, "boolean"), undefined);
  assert.equal(compareValues(5, "5"), undefined);
  assert.equal(compareValues(null, "a", "string"), undefined);
});

test("null equals only null", () => {
  assert.equal(valuesEqual(null, null), true);
  assert.equal(valuesEqual(undefined, null), true);
  assert.equal(valuesEqual("a", null), false);
  assert.equal(valuesEqual(null, "a", "string"), false);
  assert.equal(valuesEqual("Sales", "sales", "string"), true);
});
