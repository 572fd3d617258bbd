import assert from "node:assert/strict";
import { test } from "node:test";
import { asciiFold } from "./ascii-fold.ts";
import { GIVEN_NAMES, SURNAMES } from "./demo-names.ts";

test("name lists hold a few hundred names, unique once folded to ASCII for UPNs", () => {
  for (const names of [GIVEN_NAMES, SURNAMES]) {
    assert.ok(names.length >= 300);
    const folded = names.map(asciiFold);
    for (const name of folded) assert.match(name, /^[a-z]+$/);
    assert.equal(new Set(folded).size, names.length);
  }
});

test("ASCII folding spells out letters Unicode does not decompose", () => {
  assert.equal(asciiFold("Łukasz"), "lukasz");
  assert.equal(asciiFold("Yılmaz"), "yilmaz");
  assert.equal(asciiFold("Søren"), "soren");
  assert.equal(asciiFold("O'Brien"), "obrien");
  assert.equal(asciiFold("de Vries"), "devries");
  assert.equal(asciiFold("Ondřej"), "ondrej");
});
