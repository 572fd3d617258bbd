import { roleTemplateIds } from "../catalog/entra-role-data.ts";
import type { OperatorsStore } from "./operators-store.ts";
import { platformRoleIds } from "./platform-roles.ts";
import type { RoleAssignmentsStore } from "./role-assignments-store.ts";

/**
 * The first run: an operator no one signs in as, with Platform Administrator and Global Administrator in
 * every tenant, and an API token for it. It adds the real operators and assigns their roles; afterwards its
 * token can be revoked (it is the break-glass account until then).
 */
export async function createBootstrapOperator(deps: { operators: Pick<OperatorsStore, "add" | "find">; assignments: Pick<RoleAssignmentsStore, "add"> }): Promise<string> {
  const existing = await deps.operators.find("bootstrap");
  if (existing) return existing.id;
  const operator = (await deps.operators.add({ kind: "bootstrap", userPrincipalName: "bootstrap", displayName: "Bootstrap administrator" }))!;
  const everywhere = { kind: "all" } as const;
  await deps.assignments.add({ principal: { kind: "operator", id: operator.id }, role: { kind: "platform", id: platformRoleIds.platformAdministrator }, scope: everywhere });
  await deps.assignments.add({ principal: { kind: "operator", id: operator.id }, role: { kind: "entra", id: roleTemplateIds.globalAdministrator }, scope: everywhere });
  return operator.id;
}
