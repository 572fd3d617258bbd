import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { tokenizeFilter } from "./filter-lexer.ts";
import { ODataQueryError } from "./odata-error.ts";

const kinds = (text: string) => tokenizeFilter(text).map((token) => (token.kind === "literal" ? token.type : token.kind));

describe("tokenizeFilter", () => {
  test("reads unquoted GUIDs, including those starting with a letter", () => {
    assert.deepEqual(kinds("6fd2c87f-b296-42f0-b197-1e91e994b900"), ["guid", "end"]);
    assert.deepEqual(kinds("fd249f8f-dd6a-48bd-981b-b2478377c7e3"), ["guid", "end"]);
  });

  test("reads DateTimeOffset, Date and number literals", () => {
    assert.deepEqual(kinds("2024-01-01T00:00:00Z 2024-01-01T10:20+02:00 2021-11-01 42 -3.5 1e3"), [
      "dateTimeOffset",
      "dateTimeOffset",
      "date",
      "number",
      "number",
      "number",
      "end",
    ]);
  });

  test("unescapes doubled quotes in strings and records offsets", () => {
    const [token] = tokenizeFilter("'O''Brien'");
    assert.deepEqual(token, { kind: "literal", type: "string", value: "O'Brien", start: 0, end: 10 });
  });

  test("keeps $count as one identifier and punctuation as tokens", () => {
    assert.deepEqual(kinds("a/$count,(x:y)"), ["identifier", "/", "identifier", ",", "(", "identifier", ":", "identifier", ")", "end"]);
  });

  test("refuses an unterminated string with Graph's wording", () => {
    assert.throws(
      () => tokenizeFilter("displayName eq 'abc"),
      (error: unknown) =>
        error instanceof ODataQueryError &&
        error.status === 400 &&
        error.code === "BadRequest" &&
        error.message === "Invalid filter clause: Unterminated string literal at position 19 in 'displayName eq 'abc'.",
    );
  });

  test("refuses characters outside the grammar with their position", () => {
    assert.throws(() => tokenizeFilter("displayName eq #"), {
      message: "Invalid filter clause: Syntax error: character '#' is not valid at position 15 in 'displayName eq #'.",
    });
  });
});
