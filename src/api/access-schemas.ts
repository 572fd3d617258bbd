// Request and response schemas of the routes that manage operators, roles, tenant groups and role assignments.
import { z } from "zod";
import { tokenScopes } from "../access/principal.ts";
import { actionIds } from "../catalog/action-ids.ts";
import { guid, tenantKey, tokenSummarySchema } from "./api-schemas.ts";

/** An operator by id or user principal name. */
export const operatorRef = z.string().min(1).max(256);
export const roleRef = z.string().trim().min(1).max(128);
export const groupName = z.string().trim().min(1).max(128).regex(/^\P{Cc}+$/u, "must be printable text");
const userPrincipalName = z.string().trim().max(256).regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, "must be a user principal name such as jo@msp.example");

export const operatorParams = z.strictObject({ operator: operatorRef });
export const nameParams = z.strictObject({ name: groupName });

export const operatorBody = z.strictObject({ userPrincipalName, displayName: z.string().trim().min(1).max(256).optional() });
/** A token a Platform Administrator issues for an operator (for automation): the same limits as a personal token, and read-only unless asked. */
export const tokenBody = z.strictObject({
  name: z.string().trim().min(1).max(128),
  scopes: z.array(z.enum(tokenScopes)).min(1).max(tokenScopes.length).default(["actions:read"]),
  expiresInDays: z.number().int().min(1).max(365).default(90),
});

export const customRoleBody = z.strictObject({
  description: z.string().trim().max(1024).optional(),
  actions: z.array(z.string().min(1).max(256)).min(1).max(500),
});

export const tenantGroupBody = z.strictObject({ tenants: z.array(tenantKey).max(5000) });

export const assignmentBody = z.strictObject({
  principal: z.union([z.strictObject({ operator: operatorRef }), z.strictObject({ group: guid.describe("object id of an Entra security group of the MSP's tenant") })]),
  role: roleRef.describe("a built-in role's template id or name, a custom role's name or id, platform-administrator or auditor"),
  scope: z.union([
    z.strictObject({ tenant: tenantKey }),
    z.strictObject({ tenantGroup: groupName }),
    z.strictObject({ all: z.literal(true) }),
    z.strictObject({ allExcept: z.array(tenantKey).min(1).max(5000) }),
  ]),
});

export const checkBody = z.strictObject({
  operator: operatorRef,
  tenant: tenantKey,
  action: z.enum(Object.values(actionIds)),
  target: z.string().min(1).max(256).optional().describe("the target user's user principal name or id"),
  input: z.record(z.string().max(64), z.unknown()).optional().describe("the action's input, for property-specific role actions"),
});

export const assignmentSchema = z.object({
  id: z.string(),
  principal: z.object({ kind: z.enum(["operator", "group"]), id: z.string(), name: z.string().nullable() }),
  role: z.object({ kind: z.enum(["entra", "custom", "platform"]), id: z.string(), name: z.string() }),
  scope: z.object({
    kind: z.enum(["tenant", "tenant-group", "all", "all-except"]),
    tenantId: z.string().optional(),
    tenantGroupId: z.string().optional(),
    exceptTenantIds: z.array(z.string()).readonly().optional(),
    display: z.string(),
  }),
  createdAt: z.string(),
});

export const operatorSchema = z.object({
  id: z.string(),
  kind: z.enum(["person", "bootstrap"]),
  entraTenantId: z.string().nullable(),
  entraObjectId: z.string().nullable(),
  userPrincipalName: z.string(),
  displayName: z.string().nullable(),
  createdAt: z.string(),
  disabledAt: z.string().nullable(),
  groupIds: z.array(z.string()).readonly(),
});

export const operatorDetailsSchema = operatorSchema.extend({ roleAssignments: z.array(assignmentSchema).readonly(), tokens: z.array(tokenSummarySchema).readonly() });
export const issuedTokenSchema = z.object({ token: z.string().describe("shown once; Tenantry keeps only its hash"), summary: tokenSummarySchema });

const roleSummary = {
  kind: z.enum(["entra", "custom", "platform"]),
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  isPrivileged: z.boolean(),
  usedByCatalog: z.boolean(),
};
export const roleSummarySchema = z.object(roleSummary);
export const roleDetailsSchema = z.object({
  ...roleSummary,
  actions: z.array(z.string()).readonly(),
  catalogActions: z.array(z.object({ id: z.string(), title: z.string(), properties: z.array(z.string()).readonly().nullable() })).readonly(),
});

export const customRoleSchema = z.object({ id: z.string(), name: z.string(), description: z.string().nullable(), actions: z.array(z.string()).readonly() });

export const tenantGroupSchema = z.object({ id: z.string(), name: z.string(), tenants: z.array(z.object({ tenantId: z.string(), name: z.string() })).readonly() });

export const checkAnswerSchema = z.object({
  allowed: z.boolean(),
  reason: z.string(),
  operator: z.object({ id: z.string(), userPrincipalName: z.string() }),
  tenant: z.object({ tenantId: z.string(), name: z.string() }),
  action: z.object({ id: z.string(), title: z.string() }),
  target: z.object({ id: z.string(), display: z.string(), adminRoles: z.array(z.string()).readonly(), inRoleAssignableGroup: z.boolean() }).nullable(),
  steps: z.array(z.object({ check: z.enum(["tenant-scope", "role-actions", "administrator-target"]), allowed: z.boolean(), reason: z.string(), rolesThatWould: z.array(z.string()).readonly() })).readonly(),
  notes: z.array(z.string()).readonly(),
});
