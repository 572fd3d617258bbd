// Which user properties an action changes, read from its Graph requests, and which of them Active Directory
// masters for a synced user (the synced-user guard's rule: all but the cloud-mastered ones).
import type { ActionDefinition } from "./action-definition.ts";
import { cloudMasteredUserProperties } from "./user-property-permissions.ts";

const cloudMastered = new Set(cloudMasteredUserProperties);

/** The user properties the action's writes may send (the manager included), in catalog order. */
export function userPropertiesChangedBy(definition: ActionDefinition): string[] {
  const writes = definition.graph.filter((request) => request.method !== "GET" && request.path.startsWith("/users/{id}"));
  return [...new Set(writes.flatMap((request) => request.properties ?? []))];
}

/** For a synced user: those of `properties` that on-premises Active Directory masters. */
export function onPremisesMasteredAmong(properties: readonly string[]): string[] {
  return properties.filter((property) => !cloudMastered.has(property));
}

/** For a synced user: the properties this action would change that on-premises Active Directory masters. */
export function onPremisesMasteredBy(definition: ActionDefinition): string[] {
  if (definition.guards.syncedUser !== "refuse-on-premises-mastered") return [];
  return onPremisesMasteredAmong(userPropertiesChangedBy(definition));
}
