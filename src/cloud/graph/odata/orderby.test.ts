import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ODataQueryError } from "./odata-error.ts";
import { compareBy, parseOrderBy } from "./orderby.ts";
import { readIgnoringCase } from "./read-property.ts";

describe("parseOrderBy", () => {
  test("parses properties with optional, case-insensitive directions", () => {
    assert.deepEqual(parseOrderBy("displayName desc, userPrincipalName,createdDateTime ASC"), [
      { property: "displayName", direction: "desc" },
      { property: "userPrincipalName", direction: "asc" },
      { property: "createdDateTime", direction: "asc" },
    ]);
  });

  test("parses property paths", () => {
    assert.deepEqual(parseOrderBy("signInActivity/lastSignInDateTime desc"), [
      { property: "signInActivity/lastSignInDateTime", direction: "desc" },
    ]);
  });

  test("refuses malformed items with the position past them", () => {
    assert.throws(
      () => parseOrderBy("displayName sideways"),
      (error: unknown) =>
        error instanceof ODataQueryError &&
        error.code === "BadRequest" &&
        error.message === "Syntax error at position 20 in 'displayName sideways'.",
    );
    assert.throws(() => parseOrderBy("displayName,"), { message: "Syntax error at position 12 in 'displayName,'." });
  });
});

describe("compareBy", () => {
  const users = [
    { id: "1", displayName: "bob", createdDateTime: "2024-01-02T00:00:00Z" },
    { id: "2", displayName: null, createdDateTime: "2024-01-01T00:00:00Z" },
    { id: "3", displayName: "Alice", createdDateTime: "2024-01-03T00:00:00Z" },
    { id: "4", createdDateTime: "2024-01-01T00:00:00Z" },
    { id: "5", displayName: "alice", createdDateTime: "2023-12-31T00:00:00Z" },
  ];
  const sorted = (orderBy: string) => [...users].sort(compareBy(parseOrderBy(orderBy), readIgnoringCase)).map((user) => user.id);

  test("ascending puts nulls first and compares strings ignoring case, keeping ties stable", () => {
    assert.deepEqual(sorted("displayName"), ["2", "4", "3", "5", "1"]);
  });

  test("descending puts nulls last", () => {
    assert.deepEqual(sorted("displayName desc"), ["1", "3", "5", "2", "4"]);
  });

  test("later keys break ties, dates compare by instant", () => {
    assert.deepEqual(sorted("displayName, createdDateTime desc"), ["2", "4", "3", "5", "1"]);
    assert.deepEqual(sorted("displayName desc, createdDateTime"), ["1", "5", "3", "2", "4"]);
    assert.deepEqual(sorted("createdDateTime"), ["5", "2", "4", "1", "3"]);
  });
});
