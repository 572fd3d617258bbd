// The demo's technicians and their rights, as an MSP would set them up: the partner tenant's Global
// Administrator runs Tenantry, tier 1 resets passwords in the managed customers, tier 2 administers users
// everywhere except the bank, and an auditor reads the audit log.
import type { OperatorsStore } from "../access/operators-store.ts";
import { platformRoleIds } from "../access/platform-roles.ts";
import type { RoleAssignmentsStore } from "../access/role-assignments-store.ts";
import type { TenantGroupsStore } from "../access/tenant-groups-store.ts";
import { roleTemplateIds } from "../catalog/entra-role-data.ts";
import type { LocalDemo } from "./local-demo.ts";

export async function seedDemoOperators(
  deps: { operators: Pick<OperatorsStore, "add">; assignments: Pick<RoleAssignmentsStore, "add">; tenantGroups: Pick<TenantGroupsStore, "put"> },
  demo: Pick<LocalDemo, "tenants" | "partnerGroups">,
): Promise<void> {
  const partner = demo.tenants.find((t) => t.consent === "home");
  if (!partner) return;
  const upn = (alias: string) => `${alias}@${partner.domain}`;
  const add = async (alias: string, displayName: string) => deps.operators.add({ kind: "person", userPrincipalName: upn(alias), displayName });
  const everywhere = { kind: "all" } as const;

  const admin = await add("admin", "Global Admin");
  if (admin) {
    await deps.assignments.add({ principal: { kind: "operator", id: admin.id }, role: { kind: "platform", id: platformRoleIds.platformAdministrator }, scope: everywhere });
    await deps.assignments.add({ principal: { kind: "operator", id: admin.id }, role: { kind: "entra", id: roleTemplateIds.globalAdministrator }, scope: everywhere });
  }
  await add("tech1", "Tier 1 Technician");
  await add("tech2", "Tier 2 Technician");
  const auditor = await add("auditor", "Compliance Auditor");
  if (auditor) await deps.assignments.add({ principal: { kind: "operator", id: auditor.id }, role: { kind: "platform", id: platformRoleIds.auditor }, scope: everywhere });

  const customers = demo.tenants.filter((t) => t.consent === "full" || t.consent === "partial");
  const managed = await deps.tenantGroups.put("Managed customers", customers.map((t) => t.id));
  const bank = demo.tenants.find((t) => t.domain.startsWith("woodgrove"));
  const tier1 = demo.partnerGroups.find((g) => g.displayName.includes("Tier 1"));
  const tier2 = demo.partnerGroups.find((g) => g.displayName.includes("Tier 2"));
  if (tier1) await deps.assignments.add({ principal: { kind: "group", id: tier1.id }, role: { kind: "entra", id: roleTemplateIds.helpdeskAdministrator }, scope: { kind: "tenant-group", groupId: managed.id } });
  if (tier2) {
    await deps.assignments.add({
      principal: { kind: "group", id: tier2.id },
      role: { kind: "entra", id: roleTemplateIds.userAdministrator },
      scope: { kind: "all-except", exceptTenantIds: bank ? [bank.id] : [] },
    });
  }
}
