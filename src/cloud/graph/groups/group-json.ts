import type { GroupRecord } from "../../directory/model.ts";

export const groupProperties = [
  "id",
  "deletedDateTime",
  "createdDateTime",
  "description",
  "displayName",
  "groupTypes",
  "isAssignableToRole",
  "mail",
  "mailEnabled",
  "mailNickname",
  "membershipRule",
  "membershipRuleProcessingState",
  "onPremisesSyncEnabled",
  "proxyAddresses",
  "securityEnabled",
  "visibility",
  "assignedLicenses",
] as const;

export const groupPropertySet: ReadonlySet<string> = new Set(groupProperties);

/** Graph's default group properties: all but assignedLicenses, which it returns only when selected. */
export const defaultGroupProperties = groupProperties.filter((p) => p !== "assignedLicenses");

export function readGroupProperty(group: GroupRecord, property: string): unknown {
  return groupPropertySet.has(property) ? ((group as unknown as Record<string, unknown>)[property] ?? null) : undefined;
}
