import type { Quota } from "./throttle-limits.ts";

/**
 * A bucket of `limit` tokens refilled evenly over `windowSeconds`, measured on the cloud's clock
 * so that a sped-up clock shrinks the window while the ratios hold.
 */
export class TokenBucket {
  #quota: Quota;
  #tokens: number;
  #updatedMs: number;

  constructor(quota: Quota, nowMs: number) {
    this.#quota = quota;
    this.#tokens = quota.limit;
    this.#updatedMs = nowMs;
  }

  /** Keeps the tokens in hand when the limits change. */
  setQuota(quota: Quota): void {
    if (quota.limit === this.#quota.limit && quota.windowSeconds === this.#quota.windowSeconds) return;
    this.#quota = quota;
    this.#tokens = Math.min(this.#tokens, quota.limit);
  }

  #refill(nowMs: number): void {
    const elapsed = Math.max(0, nowMs - this.#updatedMs) / 1000;
    this.#tokens = Math.min(this.#quota.limit, this.#tokens + (elapsed * this.#quota.limit) / this.#quota.windowSeconds);
    this.#updatedMs = nowMs;
  }

  /** Seconds (cloud time) until `amount` tokens are available; 0 when they are now. */
  waitFor(amount: number, nowMs: number): number {
    this.#refill(nowMs);
    if (this.#tokens >= amount) return 0;
    return ((amount - this.#tokens) * this.#quota.windowSeconds) / this.#quota.limit;
  }

  take(amount: number): void {
    this.#tokens -= amount;
  }

  /** Share of the limit in use, 0 to 1. */
  usage(nowMs: number): number {
    this.#refill(nowMs);
    return 1 - this.#tokens / this.#quota.limit;
  }
}
