import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { matchesSearchTokens, searchTokens } from "./search-tokenizer.ts";

// Examples from "Use the $search query parameter", section on directory object collections.
describe("searchTokens", () => {
  test("splits on spaces", () => {
    assert.deepEqual(searchTokens("hello world", false), ["hello", "world"]);
  });

  test("splits on lower-to-upper case changes only", () => {
    assert.deepEqual(searchTokens("HelloWorld", false), ["hello", "world"]);
    assert.deepEqual(searchTokens("helloWORLD", false), ["hello", "world"]);
    assert.deepEqual(searchTokens("HELLOworld", false), ["helloworld"]);
    assert.deepEqual(searchTokens("HelloWORld", false), ["hello", "world"]);
  });

  test("splits between letters, digits and symbols", () => {
    assert.deepEqual(searchTokens("hello123world", false), ["hello", "123", "world"]);
    assert.deepEqual(searchTokens("hello.world", false), ["hello", ".", "world"]);
  });

  test("joins the words of a chunk when asked", () => {
    assert.deepEqual(searchTokens("hello.world", true), ["hello", ".", "world", "helloworld"]);
    assert.deepEqual(searchTokens("one", true), ["one"]);
  });

  test("keeps scripts without case as whole words", () => {
    assert.deepEqual(searchTokens("李四(David Li)", false), ["李四", "(", "david", "li", ")"]);
  });
});

describe("matchesSearchTokens", () => {
  test("matches tokens in any order and case, by prefix", () => {
    assert.equal(matchesSearchTokens("Video Team One", "OneVideo"), true);
    assert.equal(matchesSearchTokens("Guthrie Smith", "Guthr"), true);
    assert.equal(matchesSearchTokens("SfBMailUser", "US"), true);
  });

  test("does not match inside a token", () => {
    assert.equal(matchesSearchTokens("Conference Room", "ference"), false);
  });

  test("finds hello-world and hello.world with helloworld", () => {
    assert.equal(matchesSearchTokens("hello-world", "helloworld"), true);
    assert.equal(matchesSearchTokens("hello.world", "helloworld"), true);
    assert.equal(matchesSearchTokens("hello world", "helloworld"), false);
  });

  test("matches the documented 李四(David Li) examples", () => {
    for (const query of ["李四(David Li)", "李四", "David", "Li", "David)", "(李四", "Li 李"]) {
      assert.equal(matchesSearchTokens("李四(David Li)", query), true, query);
    }
    assert.equal(matchesSearchTokens("李四(David Li)", "Smith"), false);
  });
});
