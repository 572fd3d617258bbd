// Exact-count random selection. Subscriptions are written before any user, so the generator
// fixes how many users get each licence (or are synced, disabled...) up front and then spreads
// exactly that many across the user stream at random positions.

import type { Prng } from "./prng.ts";

/** Splits `total` in proportion to `weights` (largest remainder), summing exactly to `total`. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((p, q) => q.r - p.r || p.i - q.i);
  for (const { i } of byRemainder) {
    if (left === 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left--;
  }
  return counts;
}

/** Says yes to exactly `wanted` of the next `population` calls, uniformly at random (selection sampling). */
export class ExactPicker {
  #wanted: number;
  #population: number;

  constructor(wanted: number, population: number) {
    this.#wanted = Math.max(0, Math.min(wanted, population));
    this.#population = population;
  }

  take(prng: Prng): boolean {
    if (this.#population <= 0) return false;
    const yes = prng.next() * this.#population < this.#wanted;
    this.#population--;
    if (yes) this.#wanted--;
    return yes;
  }
}

/** Draws categories so that category i comes out exactly `counts[i]` times over all draws. */
export class QuotaDraw {
  readonly #left: number[];
  #total: number;

  constructor(counts: readonly number[]) {
    this.#left = [...counts];
    this.#total = counts.reduce((a, b) => a + b, 0);
  }

  draw(prng: Prng): number {
    if (this.#total <= 0) throw new Error("quota exhausted: more draws than planned");
    let ticket = prng.int(this.#total);
    for (let i = 0; i < this.#left.length; i++) {
      const left = this.#left[i]!;
      if (ticket < left) return this.#consume(i);
      ticket -= left;
    }
    throw new Error("unreachable: quota tickets out of range");
  }

  /** Takes one of category `index` without a draw (when a slot must hold that category). */
  force(index: number): number {
    if ((this.#left[index] ?? 0) <= 0) throw new Error(`quota ${index} exhausted`);
    return this.#consume(index);
  }

  #consume(index: number): number {
    this.#left[index]!--;
    this.#total--;
    return index;
  }
}
