import type { CatalogAction } from "../../api/catalog.ts";
import { targetPropertyOf } from "./template-fields.ts";

export interface ActionSummary {
  readonly title: string;
  /** The input property each item's target goes in, when the catalog was read. */
  readonly targetProperty: string | undefined;
}

/** An action as a job shows it: its catalog title (its id until the catalog is read) and its target property. */
export function actionSummaries(actions: readonly CatalogAction[] | undefined): (actionId: string) => ActionSummary {
  const byId = new Map((actions ?? []).map((action) => [action.id, action]));
  return (actionId) => {
    const action = byId.get(actionId);
    return { title: action?.title ?? actionId, targetProperty: action ? targetPropertyOf(action.input) : undefined };
  };
}
