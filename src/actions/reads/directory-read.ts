// Tenant-wide reads: subscribed licences with seats and plans, admin role assignments, the organisation.
import { GraphRequestError } from "../../graph/graph-errors.ts";
import type { RolesListAssignmentsInput } from "../../catalog/actions/directory-read-actions.ts";
import { entraRoleByTemplateId } from "../../catalog/entra-role-data.ts";
import type { ActionContext } from "../action-executor.ts";
import { readAllPages } from "./graph-pages.ts";
import { odataString, queryString } from "./odata-text.ts";
import { planFriendlyName, productNameOf } from "./sku-names.ts";

interface GraphSubscribedSku {
  readonly id: string;
  readonly skuId: string;
  readonly skuPartNumber: string;
  readonly capabilityStatus?: string | null;
  readonly appliesTo?: string | null;
  readonly consumedUnits?: number | null;
  readonly prepaidUnits?: { enabled?: number | null; suspended?: number | null; warning?: number | null; lockedOut?: number | null } | null;
  readonly servicePlans?: { servicePlanId: string; servicePlanName?: string | null; appliesTo?: string | null }[] | null;
}

export interface SubscribedSku {
  readonly id: string;
  readonly skuId: string;
  readonly skuPartNumber: string;
  readonly productName: string;
  readonly capabilityStatus: string | null;
  readonly enabledUnits: number;
  readonly consumedUnits: number;
  /** Seats that can still be assigned: enabled minus consumed, never below zero. */
  readonly freeUnits: number;
  readonly suspendedUnits: number;
  readonly warningUnits: number;
  readonly servicePlans: { servicePlanId: string; servicePlanName: string | null; friendlyName: string | null; appliesTo: string | null }[];
}

const subscribedSkus = { path: "/subscribedSkus" };

export async function listSubscribedSkus(context: ActionContext): Promise<{ value: SubscribedSku[] }> {
  const skus = await readAllPages<GraphSubscribedSku>(context, subscribedSkus, subscribedSkus.path);
  return {
    value: skus.map((sku) => {
      const enabledUnits = sku.prepaidUnits?.enabled ?? 0;
      const consumedUnits = sku.consumedUnits ?? 0;
      return {
        id: sku.id,
        skuId: sku.skuId,
        skuPartNumber: sku.skuPartNumber,
        productName: productNameOf(sku.skuId, sku.skuPartNumber),
        capabilityStatus: sku.capabilityStatus ?? null,
        enabledUnits,
        consumedUnits,
        freeUnits: Math.max(0, enabledUnits - consumedUnits),
        suspendedUnits: sku.prepaidUnits?.suspended ?? 0,
        warningUnits: sku.prepaidUnits?.warning ?? 0,
        servicePlans: (sku.servicePlans ?? []).map((plan) => ({
          servicePlanId: plan.servicePlanId,
          servicePlanName: plan.servicePlanName ?? null,
          friendlyName: planFriendlyName(plan.servicePlanId) ?? null,
          appliesTo: plan.appliesTo ?? null,
        })),
      };
    }),
  };
}

interface GraphRoleAssignment {
  readonly id: string;
  readonly principalId: string;
  readonly roleDefinitionId: string;
  readonly directoryScopeId?: string | null;
}

interface GraphRoleDefinition {
  readonly id: string;
  readonly displayName?: string | null;
  readonly isBuiltIn?: boolean | null;
}

const roleAssignments = { path: "/roleManagement/directory/roleAssignments" };
const roleDefinitions = { path: "/roleManagement/directory/roleDefinitions" };

/** Who holds which admin role; roles are named from the tenant's definitions, so custom roles have their names too. */
export async function listRoleAssignments(context: ActionContext, input: RolesListAssignmentsInput) {
  const filters = [
    input.principalId === undefined ? undefined : `principalId eq ${odataString(input.principalId)}`,
    input.roleDefinitionId === undefined ? undefined : `roleDefinitionId eq ${odataString(input.roleDefinitionId)}`,
  ].filter((f) => f !== undefined);
  const [assignments, definitions] = await Promise.all([
    readAllPages<GraphRoleAssignment>(context, roleAssignments, `${roleAssignments.path}${queryString({ $filter: filters.length ? filters.join(" and ") : undefined })}`),
    readAllPages<GraphRoleDefinition>(context, roleDefinitions, roleDefinitions.path),
  ]);
  const byId = new Map(definitions.map((d) => [d.id.toLowerCase(), d]));
  return {
    value: assignments.map((a) => {
      const definition = byId.get(a.roleDefinitionId.toLowerCase());
      const builtIn = entraRoleByTemplateId(a.roleDefinitionId);
      return {
        id: a.id,
        principalId: a.principalId,
        roleDefinitionId: a.roleDefinitionId,
        roleName: definition?.displayName ?? builtIn?.displayName ?? a.roleDefinitionId,
        isBuiltIn: definition?.isBuiltIn ?? builtIn !== undefined,
        isPrivileged: builtIn?.isPrivileged ?? null,
        directoryScopeId: a.directoryScopeId ?? null,
      };
    }),
  };
}

interface GraphOrganization {
  readonly id: string;
  readonly displayName?: string | null;
  readonly countryLetterCode?: string | null;
  readonly preferredLanguage?: string | null;
  readonly tenantType?: string | null;
  readonly createdDateTime?: string | null;
  readonly onPremisesSyncEnabled?: boolean | null;
  readonly verifiedDomains?: { name: string; isDefault?: boolean | null; isInitial?: boolean | null; type?: string | null }[] | null;
}

export async function readOrganization(context: ActionContext) {
  const select = "id,displayName,countryLetterCode,preferredLanguage,tenantType,createdDateTime,onPremisesSyncEnabled,verifiedDomains";
  const organization = (await context.graph.get<{ value: GraphOrganization[] }>(`/organization${queryString({ $select: select })}`)).body.value[0];
  if (!organization) throw new GraphRequestError(502, "noOrganization", "Microsoft Graph returned no organization for this tenant.", undefined);
  return {
    id: organization.id,
    displayName: organization.displayName ?? null,
    countryLetterCode: organization.countryLetterCode ?? null,
    preferredLanguage: organization.preferredLanguage ?? null,
    tenantType: organization.tenantType ?? null,
    createdDateTime: organization.createdDateTime ?? null,
    /** Whether directory synchronisation from on-premises Active Directory is on. */
    onPremisesSyncEnabled: organization.onPremisesSyncEnabled === true,
    verifiedDomains: (organization.verifiedDomains ?? []).map((d) => ({ name: d.name, isDefault: d.isDefault === true, isInitial: d.isInitial === true, type: d.type ?? null })),
  };
}
