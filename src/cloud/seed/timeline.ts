// Dates in generated tenants come from a fixed window, never from the clock, so that the same
// recipe always yields the same directory.

import type { Prng } from "./prng.ts";

export const TIMELINE_START_MS = Date.UTC(2019, 0, 1);
/** Latest moment anything generated can carry; the demo's "now" as far as the data is concerned. */
export const TIMELINE_END_MS = Date.UTC(2025, 11, 1);

const DAY_MS = 86_400_000;

/** Graph's timestamp format: ISO 8601 in UTC, whole seconds. */
export function graphDateTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** When a tenant was created: somewhere in its first three years of the window. */
export function tenantCreationMs(prng: Prng): number {
  return TIMELINE_START_MS + prng.int(3 * 365) * DAY_MS + prng.int(DAY_MS / 1000) * 1000;
}

/** Named admin accounts are created one minute apart, the first with the tenant. */
export function adminCreationMs(tenantCreatedMs: number, adminIndex: number): number {
  return tenantCreatedMs + adminIndex * 60_000;
}

/**
 * A fixed set of sorted timestamps between two moments. Records draw from it instead of formatting
 * a date each, which shares the strings across a million users.
 */
export class DatePool {
  readonly values: readonly string[];

  constructor(prng: Prng, fromMs: number, toMs: number, size: number) {
    const span = Math.max(1, Math.floor((toMs - fromMs) / 1000));
    const seconds: number[] = [];
    for (let i = 0; i < size; i++) seconds.push(prng.int(span));
    seconds.sort((a, b) => a - b);
    this.values = seconds.map((s) => graphDateTime(fromMs + s * 1000));
  }

  pick(prng: Prng): string {
    return prng.pick(this.values);
  }

  get latest(): string {
    return this.values[this.values.length - 1]!;
  }
}
