// Every role an assignment may name, found by what people call it: Microsoft's built-in roles (template id
// or name), custom roles (id or name) and Tenantry's platform roles; and what each lets an operator do
// with Tenantry's catalog, answered by the same policy that decides every run.
import entraRoles from "../../data/entra-roles.json" with { type: "json" };
import type { ActionId } from "../catalog/action-ids.ts";
import { catalog } from "../catalog/catalog.ts";
import type { CustomRole, CustomRolesStore } from "./custom-roles-store.ts";
import { createOperatorAccess } from "./operator-access.ts";
import { platformRoleIds, platformRoles } from "./platform-roles.ts";
import { tokenScopes } from "./principal.ts";
import { holdsRoleAction } from "./role-action-match.ts";
import type { RoleRef } from "./role-assignments-store.ts";

export type RoleKind = RoleRef["kind"];

export interface RoleSummary {
  readonly kind: RoleKind;
  /** Template id of a built-in role, id of a custom role, or the platform role's id. */
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly isPrivileged: boolean;
  /** Whether some catalog action needs one of the role's actions. */
  readonly usedByCatalog: boolean;
}

/** A catalog action a role allows; for actions whose properties need their own role actions, the properties it may change. */
export interface AllowedCatalogAction {
  readonly id: ActionId;
  readonly title: string;
  readonly properties: readonly string[] | null;
}

export interface RoleDetails extends RoleSummary {
  readonly actions: readonly string[];
  readonly catalogActions: readonly AllowedCatalogAction[];
}

/** A role an assignment names, resolved to what the store keeps. */
export interface ResolvedRole {
  readonly ref: RoleRef;
  readonly name: string;
}

const catalogRoleActions = [...new Set(catalog.flatMap((a) => [...a.operatorRoleActions, ...Object.values(a.propertyRoleActions ?? {})]))];
const privilegedActions = new Set(entraRoles.flatMap((r) => r.privilegedActions));
const usesCatalog = (actions: readonly string[]) => catalogRoleActions.some((required) => holdsRoleAction(actions, required));
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** What an operator holding only this role, in a tenant, may run there (the policy's own answer). */
function allowedCatalogActions(ref: RoleRef, custom: CustomRole | undefined): AllowedCatalogAction[] {
  const access = createOperatorAccess({
    principal: { operatorId: "role", name: "the role", groupIds: [], scopes: tokenScopes },
    assignments: [{ id: "role", principal: { kind: "operator", id: "role" }, role: ref, scope: { kind: "all" }, createdAt: "" }],
    tenantGroups: new Map(),
    customRoles: new Map(custom ? [[custom.id, custom]] : []),
  });
  const tenant = "00000000-0000-0000-0000-000000000000";
  const allowed: AllowedCatalogAction[] = [];
  for (const action of catalog) {
    if (!access.decideAction(action, {}, tenant, "a tenant").allowed) continue;
    const properties = Object.keys(action.propertyRoleActions ?? {});
    if (properties.length === 0) {
      allowed.push({ id: action.id, title: action.title, properties: null });
      continue;
    }
    const changeable = properties.filter((p) => access.decideAction(action, { changes: { [p]: null } }, tenant, "a tenant").allowed);
    if (changeable.length > 0 || action.operatorRoleActions.length > 0) allowed.push({ id: action.id, title: action.title, properties: changeable });
  }
  return allowed;
}

const builtIn = entraRoles.map(
  (r): RoleSummary & { actions: readonly string[] } => ({
    kind: "entra",
    id: r.templateId,
    name: r.displayName,
    description: r.description,
    isPrivileged: r.isPrivileged,
    usedByCatalog: usesCatalog(r.actions),
    actions: r.actions,
  }),
);

const platform = platformRoles.map(
  (r): RoleSummary => ({ kind: "platform", id: r.id, name: r.displayName, description: r.description, isPrivileged: r.id === platformRoleIds.platformAdministrator, usedByCatalog: false }),
);

function customSummary(role: CustomRole): RoleSummary {
  return { kind: "custom", id: role.id, name: role.name, description: role.description, isPrivileged: role.actions.some((a) => privilegedActions.has(a)), usedByCatalog: usesCatalog(role.actions) };
}

/** Whether a name belongs to a built-in or platform role (a custom role may not take it). */
export function isReservedRoleName(name: string): boolean {
  return builtIn.some((r) => same(r.name, name)) || platform.some((r) => same(r.name, name) || same(r.id, name));
}

export function createRoleDirectory(deps: { customRoles: Pick<CustomRolesStore, "list" | "find"> }) {
  function builtInOrPlatform(text: string): (RoleSummary & { actions?: readonly string[] }) | undefined {
    return platform.find((r) => same(r.id, text) || same(r.name, text)) ?? builtIn.find((r) => same(r.id, text) || same(r.name, text));
  }

  return {
    async list(): Promise<RoleSummary[]> {
      const custom = await deps.customRoles.list();
      return [...builtIn.map(({ actions: _, ...summary }) => summary), ...custom.map(customSummary), ...platform];
    },

    /** By template id, built-in or platform role name or id, or custom role id or name; undefined when none. */
    async resolve(text: string): Promise<ResolvedRole | undefined> {
      const known = builtInOrPlatform(text);
      if (known) return { ref: { kind: known.kind, id: known.id }, name: known.name };
      const custom = await deps.customRoles.find(text);
      return custom ? { ref: { kind: "custom", id: custom.id }, name: custom.name } : undefined;
    },

    async details(text: string): Promise<RoleDetails | undefined> {
      const known = builtInOrPlatform(text);
      if (known) {
        const { actions = [], ...summary } = known;
        return { ...summary, actions, catalogActions: known.kind === "platform" ? [] : allowedCatalogActions({ kind: known.kind, id: known.id }, undefined) };
      }
      const custom = await deps.customRoles.find(text);
      if (!custom) return undefined;
      return { ...customSummary(custom), actions: custom.actions, catalogActions: allowedCatalogActions({ kind: "custom", id: custom.id }, custom) };
    },
  };
}

export type RoleDirectory = ReturnType<typeof createRoleDirectory>;
