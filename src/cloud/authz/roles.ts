// Microsoft Entra built-in roles (data/entra-roles.json).
import entraRoles from "../../../data/entra-roles.json" with { type: "json" };
import type { EntraRole } from "./data-files.ts";

export type { EntraRole } from "./data-files.ts";

const roles: readonly EntraRole[] = entraRoles;
const byTemplateId = new Map(roles.map((role) => [role.templateId, role]));
const byName = new Map(roles.map((role) => [role.displayName.toLowerCase(), role]));

export function allRoles(): readonly EntraRole[] {
  return roles;
}

export function roleByTemplateId(templateId: string): EntraRole | undefined {
  return byTemplateId.get(templateId.trim().toLowerCase());
}

/** By display name, ignoring case and surrounding spaces: "helpdesk administrator" finds Helpdesk Administrator. */
export function roleByName(displayName: string): EntraRole | undefined {
  return byName.get(displayName.trim().toLowerCase());
}
