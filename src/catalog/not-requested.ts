// Permissions and roles Tenantry deliberately does not ask for, with the reason a customer's admin reads.
import { roleTemplateIds } from "./entra-role-data.ts";

export interface NotRequested {
  readonly name: string;
  readonly whyNot: string;
}

export const permissionsNotRequested: readonly NotRequested[] = [
  {
    name: "Directory.ReadWrite.All",
    whyNot: "Would let the app change almost anything in the directory; every feature uses a narrower permission instead.",
  },
  {
    name: "Directory.Read.All",
    whyNot: "Would let the app read the whole directory, applications and devices included; users, groups, licences and roles are read with their own permissions.",
  },
  {
    name: "RoleManagement.ReadWrite.Directory",
    whyNot: "Would let the app assign admin roles, Global Administrator included; Tenantry only reads role assignments.",
  },
  {
    name: "Domain.Read.All",
    whyNot: "The organisation's verified domains, read with Organization.Read.All, are enough to offer domains for new user names.",
  },
  {
    name: "AuditLog.Read.All",
    whyNot: "No feature reads Microsoft's sign-in or audit logs; Tenantry keeps its own audit log of what it does.",
  },
  {
    name: "Mail.Send",
    whyNot: "Tenantry never sends mail as a user; guest invitation mails are sent by Microsoft.",
  },
  {
    name: "UserAuthenticationMethod.ReadWrite.All",
    whyNot: "Tenantry does not manage users' sign-in methods such as phone numbers for multifactor authentication.",
  },
];

export interface RoleNotRequested {
  readonly roleTemplateId: string;
  readonly whyNot: string;
}

export const servicePrincipalRolesNotRequested: readonly RoleNotRequested[] = [
  {
    roleTemplateId: roleTemplateIds.privilegedAuthenticationAdministrator,
    whyNot:
      "Would let the app reset the passwords of, and disable or delete, every administrator including Global Administrators. Without it Tenantry refuses those actions on administrators that User Administrator may not touch, and says which role would be needed.",
  },
  {
    roleTemplateId: roleTemplateIds.globalAdministrator,
    whyNot: "Would give the app full control of the tenant; no feature needs it.",
  },
];
