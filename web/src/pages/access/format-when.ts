const format = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** A moment from the API (ISO 8601) as the reader's locale writes it. */
export function formatWhen(iso: string): string {
  return format.format(new Date(iso));
}
