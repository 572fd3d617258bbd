const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
const steps: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["week", 7 * 86_400],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

/** "5 minutes ago", "yesterday", "now". */
export function relativeTime(iso: string, now = Date.now()): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  for (const [unit, size] of steps) if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  return Math.abs(seconds) < 10 ? relative.format(0, "second") : relative.format(Math.round(seconds), "second");
}

/** The moment itself, for a tooltip. */
export function absoluteTime(iso: string): string {
  return new Date(iso).toLocaleString();
}
