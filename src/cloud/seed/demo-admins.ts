// The named administrator accounts of every generated tenant: cloud-only, unlicensed (as admin
// accounts should be), on the initial domain, and the only accounts with a password, so that
// demos and tests can sign in as each role.

import { DEMO_ROLES, type DemoRoleKey } from "./demo-roles.ts";

export const DEMO_PASSWORD = "Tenantry-Demo-2026!";

/** A tenant always has a break-glass pair of Global Administrators unless told otherwise. */
export const DEFAULT_GLOBAL_ADMINS = 2;

const NAMED_ADMINS = [
  { key: "globalAdmin", alias: "admin", displayName: "Global Admin", role: "globalAdministrator" },
  { key: "helpdeskAdmin", alias: "helpdesk", displayName: "Helpdesk Admin", role: "helpdeskAdministrator" },
  { key: "userAdmin", alias: "useradmin", displayName: "User Admin", role: "userAdministrator" },
  { key: "passwordAdmin", alias: "pwadmin", displayName: "Password Admin", role: "passwordAdministrator" },
  { key: "authenticationAdmin", alias: "authadmin", displayName: "Authentication Admin", role: "authenticationAdministrator" },
  {
    key: "privilegedAuthenticationAdmin",
    alias: "privauth",
    displayName: "Privileged Authentication Admin",
    role: "privilegedAuthenticationAdministrator",
  },
  { key: "groupsAdmin", alias: "groupsadmin", displayName: "Groups Admin", role: "groupsAdministrator" },
  { key: "licenseAdmin", alias: "licenseadmin", displayName: "License Admin", role: "licenseAdministrator" },
  { key: "globalReader", alias: "globalreader", displayName: "Global Reader", role: "globalReader" },
] as const satisfies readonly { key: string; alias: string; displayName: string; role: DemoRoleKey }[];

export type NamedAdminKey = (typeof NAMED_ADMINS)[number]["key"];

export interface DemoAdmin {
  readonly userPrincipalName: string;
  readonly mailNickname: string;
  readonly displayName: string;
  readonly roleTemplateId: string;
}

/** UPNs of the named admins of the tenant whose initial domain is `domain`. */
export function demoAdminUpns(domain: string): Readonly<Record<NamedAdminKey, string>> {
  const upns: Partial<Record<NamedAdminKey, string>> = {};
  for (const admin of NAMED_ADMINS) upns[admin.key] = `${admin.alias}@${domain}`;
  return upns as Record<NamedAdminKey, string>;
}

/** UPNs of every Global Administrator account: admin@, then admin2@, admin3@... */
export function globalAdminUpns(domain: string, globalAdmins = DEFAULT_GLOBAL_ADMINS): string[] {
  const upns = [`admin@${domain}`];
  for (let n = 2; n <= globalAdmins; n++) upns.push(`admin${n}@${domain}`);
  return upns;
}

/** Every named admin account, in creation order; `globalAdmins` counts admin@ itself (at least 1). */
export function demoAdmins(domain: string, globalAdmins = DEFAULT_GLOBAL_ADMINS): DemoAdmin[] {
  const admins: DemoAdmin[] = NAMED_ADMINS.map((a) => ({
    userPrincipalName: `${a.alias}@${domain}`,
    mailNickname: a.alias,
    displayName: a.displayName,
    roleTemplateId: DEMO_ROLES[a.role].templateId,
  }));
  for (let n = 2; n <= globalAdmins; n++) {
    admins.push({
      userPrincipalName: `admin${n}@${domain}`,
      mailNickname: `admin${n}`,
      displayName: `Global Admin ${n}`,
      roleTemplateId: DEMO_ROLES.globalAdministrator.templateId,
    });
  }
  return admins;
}
