import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ODataQueryError } from "./odata-error.ts";
import { decodeSkipToken, encodeSkipToken, parseTop } from "./paging.ts";

function isExpiredPageToken(error: unknown): boolean {
  return (
    error instanceof ODataQueryError &&
    error.status === 400 &&
    error.code === "Directory_ExpiredPageToken" &&
    error.message === "The specified page token value has expired and can no longer be included in your request."
  );
}

describe("skip tokens", () => {
  test("round-trip the paging state through a URL-safe token", () => {
    const state = { offset: 200, filter: "startswith(displayName,'a')", order: ["displayName"] };
    const token = encodeSkipToken(state);
    assert.match(token, /^[A-Za-z0-9_-]+$/);
    assert.deepEqual(decodeSkipToken(token), state);
  });

  test("refuse garbage, truncated and tampered tokens", () => {
    const token = encodeSkipToken({ offset: 100 });
    assert.throws(() => decodeSkipToken("not a token!"), isExpiredPageToken);
    assert.throws(() => decodeSkipToken(token.slice(0, -6)), isExpiredPageToken);
    assert.throws(() => decodeSkipToken(Buffer.from("[1,2]").toString("base64url")), isExpiredPageToken);

    const envelope = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    envelope.s = JSON.stringify({ offset: 0 });
    const tampered = Buffer.from(JSON.stringify(envelope)).toString("base64url");
    assert.throws(() => decodeSkipToken(tampered), isExpiredPageToken);
  });
});

describe("parseTop", () => {
  test("returns undefined without $top and the number within bounds", () => {
    assert.equal(parseTop(undefined), undefined);
    assert.equal(parseTop("1"), 1);
    assert.equal(parseTop("999"), 999);
    assert.equal(parseTop("50", 100), 50);
  });

  test("refuses page sizes outside 1..999 with Graph's message", () => {
    for (const text of ["0", "1000"]) {
      assert.throws(
        () => parseTop(text),
        (error: unknown) =>
          error instanceof ODataQueryError &&
          error.code === "Request_UnsupportedQuery" &&
          error.message === `Invalid page size specified: '${text}'. Must be between 1 and 999 inclusive.`,
      );
    }
    assert.throws(() => parseTop("101", 100), { message: "Invalid page size specified: '101'. Must be between 1 and 100 inclusive." });
  });

  test("refuses values that are not non-negative integers as OData does", () => {
    for (const text of ["abc", "-1", "1.5", ""]) {
      assert.throws(
        () => parseTop(text),
        (error: unknown) =>
          error instanceof ODataQueryError &&
          error.code === "BadRequest" &&
          error.message ===
            `Invalid value '${text}' for $top query option found. The $top query option requires a non-negative integer value.`,
      );
    }
  });
});
