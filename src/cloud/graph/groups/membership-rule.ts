import type { TenantDirectory } from "../../directory/tenant-directory.ts";

const simpleRule = /^\(?\s*user\.(\w+)\s+-eq\s+"([^"]*)"\s*\)?$/i;

/**
 * Members of a dynamic group. Only rules of the form `(user.property -eq "value")` are evaluated;
 * any other rule yields no members (recorded in docs/cloud-fidelity.md).
 */
export function usersMatchingRule(tenant: TenantDirectory, rule: string): string[] {
  const match = simpleRule.exec(rule.trim());
  if (!match) return [];
  const property = match[1]!;
  const expected = match[2]!.toLowerCase();
  const ids: string[] = [];
  for (const id of tenant.userIds.from(undefined)) {
    const user = tenant.user(id) as unknown as Record<string, unknown> | undefined;
    if (!user || user.deletedDateTime) continue;
    const value = user[property];
    if (typeof value === "string" && value.toLowerCase() === expected) ids.push(id);
  }
  return ids;
}
