import assert from "node:assert/strict";
import { test } from "node:test";
import { Prng } from "./prng.ts";
import { apportion, ExactPicker, QuotaDraw } from "./quotas.ts";

test("apportion splits a total exactly, in proportion", () => {
  assert.deepEqual(apportion(10, [1, 1, 1]), [4, 3, 3]);
  assert.deepEqual(apportion(0, [1, 2]), [0, 0]);
  const counts = apportion(1_000_003, [50, 8, 10, 18, 14]);
  assert.equal(
    counts.reduce((a, b) => a + b, 0),
    1_000_003,
  );
});

test("an exact picker says yes exactly as often as asked, spread over the population", () => {
  const prng = new Prng(42);
  const picker = new ExactPicker(300, 1000);
  const picked: number[] = [];
  for (let i = 0; i < 1000; i++) if (picker.take(prng)) picked.push(i);
  assert.equal(picked.length, 300);
  assert.ok(picked.some((i) => i < 100) && picked.some((i) => i >= 900));
});

test("a quota draw yields each category exactly its count", () => {
  const prng = new Prng(7);
  const draw = new QuotaDraw([5, 0, 3]);
  const seen = [0, 0, 0];
  seen[draw.force(2)]!++;
  for (let i = 0; i < 7; i++) seen[draw.draw(prng)]!++;
  assert.deepEqual(seen, [5, 0, 3]);
  assert.throws(() => draw.draw(prng), /exhausted/);
});

test("the generator is reproducible and streams are independent", () => {
  const a = new Prng(123, 1);
  const b = new Prng(123, 1);
  const c = new Prng(123, 2);
  const first = [a.uint32(), a.uint32(), a.uint32()];
  assert.deepEqual([b.uint32(), b.uint32(), b.uint32()], first);
  assert.notDeepEqual([c.uint32(), c.uint32(), c.uint32()], first);
});
