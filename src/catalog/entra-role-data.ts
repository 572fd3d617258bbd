// Microsoft Entra built-in roles as the catalog needs them (data/entra-roles.json, see data/README.md).
import entraRoles from "../../data/entra-roles.json" with { type: "json" };

export interface EntraRoleSummary {
  readonly displayName: string;
  readonly templateId: string;
  readonly description: string;
  readonly isPrivileged: boolean;
  readonly actions: readonly string[];
}

const roles: readonly EntraRoleSummary[] = entraRoles;
const byTemplateId = new Map(roles.map((role) => [role.templateId, role]));
let knownActions: ReadonlySet<string> | undefined;

export function entraRoleByTemplateId(templateId: string): EntraRoleSummary | undefined {
  return byTemplateId.get(templateId.toLowerCase());
}

/** Does some built-in role grant this role action (e.g. "microsoft.directory/users/password/update")? */
export function isKnownRoleAction(action: string): boolean {
  knownActions ??= new Set(roles.flatMap((role) => role.actions));
  return knownActions.has(action);
}

/** Template ids of the built-in roles the catalog names, so that ids are never loose strings. */
export const roleTemplateIds = {
  userAdministrator: "fe930be7-5e62-47db-91af-98c3a49a38b1",
  helpdeskAdministrator: "729827e3-9c14-49f7-bb1b-9608f156bbb8",
  privilegedAuthenticationAdministrator: "7be44c8a-adaf-4e2a-84d6-ab2649e08a13",
  globalAdministrator: "62e90394-69f5-4237-9190-012177145e10",
} as const;
