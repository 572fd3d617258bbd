// Tenant-wide reads: subscribed licences, admin role assignments, the organisation and its verified domains.
import { z } from "zod";
import { defineAction } from "../action-definition.ts";
import { actionIds } from "../action-ids.ts";
import { readSubscribedSkus, readTargetRoleAssignments } from "../common-requests.ts";
import { objectId } from "../input-schemas.ts";
import { moduleIds } from "../module-ids.ts";
import { roleActions } from "../role-actions.ts";

export const noInput = z.strictObject({});
export type NoInput = z.infer<typeof noInput>;

export const licensesListSubscribedSkus = defineAction({
  id: actionIds.licensesListSubscribedSkus,
  title: "List subscribed licences",
  description: "Lists the tenant's licences with their service plans and used, free and suspended seats.",
  module: moduleIds.reporting,
  kind: "read",
  input: noInput,
  graph: [readSubscribedSkus],
  operatorRoleActions: [roleActions.subscribedSkusStandardRead],
  guards: {},
});

export const rolesListAssignmentsInput = z.strictObject({
  principalId: objectId.optional(),
  /** A role definition id, which for built-in roles is the role's template id. */
  roleDefinitionId: z.guid().optional(),
});
export type RolesListAssignmentsInput = z.infer<typeof rolesListAssignmentsInput>;

export const rolesListAssignments = defineAction({
  id: actionIds.rolesListAssignments,
  title: "List admin role assignments",
  description: "Lists who holds which admin role in the tenant, for reports and for the rules that protect administrators.",
  module: moduleIds.reporting,
  kind: "read",
  input: rolesListAssignmentsInput,
  graph: [
    { ...readTargetRoleAssignments, why: "Lists who holds which admin role in the tenant." },
    {
      method: "GET",
      path: "/roleManagement/directory/roleDefinitions",
      permission: "RoleManagement.Read.Directory",
      why: "Names the admin roles, including the tenant's custom roles.",
      alternatives: ["Directory.Read.All"],
    },
  ],
  operatorRoleActions: [roleActions.roleAssignmentsStandardRead, roleActions.roleDefinitionsStandardRead],
  guards: {},
});

export const tenantGetOrganization = defineAction({
  id: actionIds.tenantGetOrganization,
  title: "Read the organisation",
  description: "Reads the tenant's name, country and verified domains (with their default and federation state).",
  module: moduleIds.reporting,
  kind: "read",
  input: noInput,
  graph: [
    {
      method: "GET",
      path: "/organization",
      permission: "Organization.Read.All",
      why: "Reads the tenant's name, country and verified domains, to label the tenant and to offer its domains for new user names.",
      alternatives: ["Directory.Read.All"],
    },
  ],
  operatorRoleActions: [roleActions.organizationStandardRead],
  guards: {},
});

export const directoryReadActions = [licensesListSubscribedSkus, rolesListAssignments, tenantGetOrganization] as const;
