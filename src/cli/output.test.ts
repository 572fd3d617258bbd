import assert from "node:assert/strict";
import { test } from "node:test";
import { formatRows } from "./output.ts";

test("CSV quotes what needs quoting and defuses formulas from customer data", () => {
  const csv = formatRows("csv", [{ tenant: "=HYPERLINK(\"x\")", note: "a, \"b\"", count: 3 }, { tenant: "-1+2", note: null, count: -4 }]);
  assert.equal(csv, `tenant,note,count\n"'=HYPERLINK(""x"")","a, ""b""",3\n'-1+2,,-4\n`);
});

test("tables align columns and drop control characters from names", () => {
  const table = formatRows("table", [{ name: "Contoso\u001b[31m", state: "ready" }, { name: "Fabrikam", state: "degraded" }]);
  assert.equal(table, "name         state\n-----------  --------\nContoso[31m  ready\nFabrikam     degraded\n");
  assert.equal(formatRows("table", []), "(none)\n");
  assert.deepEqual(JSON.parse(formatRows("json", [{ a: 1 }])), [{ a: 1 }]);
});
