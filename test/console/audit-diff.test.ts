import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { diffRows, valueText } from "../../web/src/pages/audit/audit-diff-rows.ts";

describe("an audit entry's before and after, row by row", () => {
  test("each property once, marked changed, added, removed or unchanged; nested values compared by value", () => {
    const rows = diffRows(
      { jobTitle: "Analyst", mobilePhone: "+1 555 0100", department: null, businessPhones: ["1"], address: { city: "Oslo", country: "NO" } },
      { jobTitle: "Lead", mobilePhone: null, department: "Sales", businessPhones: ["1"], address: { country: "NO", city: "Oslo" }, usageLocation: "NO" },
    );
    assert.deepEqual(
      rows.map((r) => [r.property, r.kind]),
      [
        ["jobTitle", "changed"],
        ["mobilePhone", "removed"],
        ["department", "added"],
        ["businessPhones", "unchanged"],
        ["address", "unchanged"],
        ["usageLocation", "added"],
      ],
    );
  });

  test("an entry without an outcome (requested, denied) does not read as removals", () => {
    assert.deepEqual(
      diffRows({ jobTitle: "Analyst" }, null).map((r) => r.kind),
      ["not-recorded"],
    );
  });

  test("values as a technician reads them", () => {
    assert.equal(valueText(null), "(none)");
    assert.equal(valueText(""), '""');
    assert.equal(valueText(false), "false");
    assert.equal(valueText(["a"]), '[\n  "a"\n]');
  });
});
