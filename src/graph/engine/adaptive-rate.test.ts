import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createAdaptiveRate } from "./adaptive-rate.ts";

describe("the adaptive share of a quota", () => {
  test("halves on throttling, never below its floor, and comes back one answer at a time", () => {
    const rate = createAdaptiveRate({ floor: 1 / 8, increase: 0.1 });
    rate.throttled();
    assert.equal(rate.current(), 0.5);
    for (let i = 0; i < 5; i++) rate.throttled();
    assert.equal(rate.current(), 1 / 8);
    for (let i = 0; i < 4; i++) rate.answered();
    assert.ok(Math.abs(rate.current() - 0.525) < 1e-9);
    for (let i = 0; i < 20; i++) rate.answered();
    assert.equal(rate.current(), 1);
  });

  test("slows down when Graph reports more usage than this process accounts for, in proportion to the headroom left", () => {
    const rate = createAdaptiveRate();
    rate.reported(0.95, 0.93);
    assert.equal(rate.current(), 1, "Graph agrees with the buckets: they pace the lane already");
    rate.reported(0.9, 0.5);
    assert.ok(Math.abs(rate.current() - 0.2) < 1e-9, "10% left where 50% was expected");
    rate.reported(0.99, 0.5);
    assert.equal(rate.current(), 1 / 32, "never below the floor");
    rate.reported(undefined, 0.5);
    assert.equal(rate.current(), 1, "below 0.8 Graph says nothing, and the cap is lifted");
  });
});
