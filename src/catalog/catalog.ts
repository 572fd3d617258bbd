// The action catalog: every action Tenantry can run, declared once.
import type { ActionDefinition } from "./action-definition.ts";
import type { ActionId } from "./action-ids.ts";
import { directoryReadActions } from "./actions/directory-read-actions.ts";
import { groupActions } from "./actions/group-actions.ts";
import { licenseActions } from "./actions/license-actions.ts";
import { userAccountActions } from "./actions/user-account-actions.ts";
import { userLifecycleActions } from "./actions/user-lifecycle-actions.ts";
import { userPropertyActions } from "./actions/user-property-actions.ts";
import { userReadActions } from "./actions/user-read-actions.ts";

export const catalog: readonly ActionDefinition[] = Object.freeze([
  ...userReadActions,
  ...groupActions,
  ...directoryReadActions,
  ...userPropertyActions,
  ...userAccountActions,
  ...userLifecycleActions,
  ...licenseActions,
]);

const byId = new Map<string, ActionDefinition>(catalog.map((action) => [action.id, action]));

export function actionById(id: ActionId): ActionDefinition {
  const action = byId.get(id);
  if (!action) throw new Error(`No action ${id} in the catalog.`);
  return action;
}
