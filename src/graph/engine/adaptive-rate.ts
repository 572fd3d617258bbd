/**
 * How much of its quota a tenant lane allows itself, 0 to 1: halved on each throttling episode and
 * regained a little with every answer that was not throttled (additive increase, multiplicative
 * decrease), and capped while Graph reports more usage than the lane's own buckets account for.
 */
export function createAdaptiveRate(options: { floor?: number; increase?: number } = {}) {
  const floor = options.floor ?? 1 / 32;
  const increase = options.increase ?? 0.02;
  let share = 1;
  let headerCap = 1;

  return {
    current: () => Math.min(share, headerCap),
    throttled(): void {
      share = Math.max(floor, share / 2);
    },
    answered(): void {
      share = Math.min(1, share + increase);
    },
    /**
     * `x-ms-throttle-limit-percentage` (absent below 0.8) against the usage the lane's buckets show:
     * when Graph sees more used than this process spent, someone else spends from the same quota, and the
     * lane slows down in proportion to the headroom that is really left.
     */
    reported(graphUsage: number | undefined, ownUsage: number): void {
      if (graphUsage === undefined || graphUsage <= ownUsage + 0.05) {
        headerCap = 1;
        return;
      }
      const headroom = Math.max(0, 1 - graphUsage);
      headerCap = Math.max(floor, Math.min(1, headroom / Math.max(0.01, 1 - ownUsage)));
    },
  };
}

export type AdaptiveRate = ReturnType<typeof createAdaptiveRate>;
