import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ODataQueryError } from "./odata-error.ts";
import { readIgnoringCase } from "./read-property.ts";
import { compileSearch, parseSearch, searchProperties } from "./search.ts";

function assertSearchError(text: string, code: string, message: string): void {
  assert.throws(
    () => parseSearch(text),
    (error: unknown) => error instanceof ODataQueryError && error.status === 400 && error.code === code && error.message === message,
  );
}

describe("parseSearch", () => {
  test("parses a single quoted clause", () => {
    assert.deepEqual(parseSearch('"displayName:room"'), { kind: "term", property: "displayName", text: "room" });
  });

  test("keeps the text after the first colon and unescapes backslashes", () => {
    assert.deepEqual(parseSearch('"mail:a:b \\"c\\" \\\\"'), { kind: "term", property: "mail", text: 'a:b "c" \\' });
  });

  test("combines clauses with AND and OR, AND binding tighter, and parentheses", () => {
    const one = { kind: "term", property: "description", text: "One" };
    const video = { kind: "term", property: "displayName", text: "Video" };
    const drive = { kind: "term", property: "displayName", text: "Drive" };
    assert.deepEqual(parseSearch('"description:One" AND ("displayName:Video" OR "displayName:Drive")'), {
      kind: "and",
      left: one,
      right: { kind: "or", left: video, right: drive },
    });
    assert.deepEqual(parseSearch('"description:One" OR "displayName:Video" AND "displayName:Drive"'), {
      kind: "or",
      left: one,
      right: { kind: "and", left: video, right: drive },
    });
  });

  test("treats clauses side by side as AND", () => {
    assert.equal(parseSearch('"displayName:a" "mail:b"').kind, "and");
  });

  test("refuses a property:value clause outside quotes with Graph's message", () => {
    assertSearchError(
      'displayName:"room"',
      "BadRequest",
      "Syntax error: character ':' is not valid at position 11 in 'displayName:\"room\"'.",
    );
    assertSearchError("'displayName:room'", "BadRequest", "Syntax error: character ''' is not valid at position 0 in ''displayName:room''.");
  });

  test("refuses clauses without a property, bare words and lower-case operators", () => {
    assertSearchError('"room"', "Request_UnsupportedQuery", "Unsupported Query.");
    assertSearchError('":room"', "Request_UnsupportedQuery", "Unsupported Query.");
    assertSearchError("room", "Request_UnsupportedQuery", "Unsupported Query.");
    assertSearchError('"displayName:a" and "mail:b"', "Request_UnsupportedQuery", "Unsupported Query.");
    assertSearchError('NOT "displayName:a"', "Request_UnsupportedQuery", "Unsupported Query.");
  });

  test("refuses unbalanced quotes and parentheses", () => {
    assertSearchError('"displayName:room', "BadRequest", "Unterminated string literal at position 17 in '\"displayName:room'.");
    assertSearchError('("displayName:room"', "BadRequest", "Syntax error at position 19 in '(\"displayName:room\"'.");
    assertSearchError('"displayName:a" OR', "BadRequest", "Syntax error at position 18 in '\"displayName:a\" OR'.");
  });

  test("lists the properties it refers to", () => {
    assert.deepEqual(searchProperties(parseSearch('"displayName:a" OR "mail:b"')), ["displayName", "mail"]);
  });
});

describe("compileSearch", () => {
  const groups = [
    { id: "1", displayName: "OneVideo Team", mail: "onevideo@contoso.com", description: "Video production" },
    { id: "2", displayName: "One Video", mail: "video@contoso.com", description: null },
    { id: "3", displayName: "Conference Room", mail: "confroom@contoso.com", proxyAddresses: ["SMTP:rooms@contoso.com"] },
  ];
  const search = (text: string) => groups.filter(compileSearch(parseSearch(text), readIgnoringCase)).map((group) => group.id);

  test("displayName matches by tokens", () => {
    assert.deepEqual(search('"displayName:OneVideo"'), ["1", "2"]);
    assert.deepEqual(search('"displayName:room"'), ["3"]);
    assert.deepEqual(search('"displayName:ference"'), []);
  });

  test("description matches by tokens and skips null", () => {
    assert.deepEqual(search('"description:produc"'), ["1"]);
  });

  test("other properties match with startsWith, ignoring case", () => {
    assert.deepEqual(search('"mail:ONEVIDEO"'), ["1"]);
    assert.deepEqual(search('"mail:contoso"'), []);
  });

  test("string collections match when one item starts with the text", () => {
    assert.deepEqual(search('"proxyAddresses:smtp:rooms"'), ["3"]);
  });

  test("AND and OR combine clauses", () => {
    assert.deepEqual(search('"displayName:OneVideo" OR "mail:confroom"'), ["1", "2", "3"]);
    assert.deepEqual(search('"displayName:video" AND "mail:video"'), ["2"]);
  });
});
