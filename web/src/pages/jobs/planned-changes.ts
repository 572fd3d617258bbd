import type { PlannedItem } from "../../api/jobs.ts";

export interface PlannedChange {
  readonly property: string;
  readonly before: unknown;
  readonly after: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * What a dry run says an item would change: the input's `changes` when it has them, else its other
 * properties but the target; each beside the target's value now when the plan read it.
 */
export function plannedChanges(item: PlannedItem, targetProperty: string | undefined): PlannedChange[] {
  if (!item.change) return [];
  const changes = isObject(item.change.changes) ? item.change.changes : Object.fromEntries(Object.entries(item.change).filter(([name]) => name !== targetProperty));
  return Object.entries(changes).map(([property, after]) => ({ property, before: item.before?.[property], after }));
}
