import { registerApplication } from "../apps/app-registrations.ts";
import { assignDirectoryRole, grantConsent } from "../apps/consent.ts";
import type { CloudContext } from "../cloud-context.ts";
import { systemInitiator } from "../directory/audit-recorder.ts";
import { type DemoPartnerGroup, demoTechnicians } from "../seed/demo-technicians.ts";
import { recipeFor } from "../seed/tenant-generator.ts";

/** What Tenantry's Management module asks for: 365TUNE's list plus what reading the directory needs. */
export const demoAppPermissions = [
  "User.Read.All",
  "User.ReadWrite.All",
  "User.EnableDisableAccount.All",
  "User-Phone.ReadWrite.All",
  "User-Mail.ReadWrite.All",
  "User-PasswordProfile.ReadWrite.All",
  "User.DeleteRestore.All",
  "User.Invite.All",
  "LicenseAssignment.ReadWrite.All",
  "GroupMember.ReadWrite.All",
  "Group.ReadWrite.All",
  "Organization.Read.All",
  "Domain.Read.All",
  "RoleManagement.Read.Directory",
  "AuditLog.Read.All",
] as const;

/** Reading only: what a partially consented tenant granted. */
const defaultPartialPermissions = ["User.Read.All", "Group.Read.All", "Organization.Read.All", "LicenseAssignment.Read.All", "User.EnableDisableAccount.All"];

/** A platform running the demo may say what its app asks for and what the partially consented tenant granted. */
export interface DemoAppOptions {
  readonly permissions?: readonly string[];
  readonly partialPermissions?: readonly string[];
  readonly servicePrincipalRoles?: readonly string[];
}

export interface DemoTenant {
  readonly id: string;
  readonly domain: string;
  readonly displayName: string;
  readonly consent: "full" | "partial" | "none" | "home";
}

export interface DemoCloud {
  readonly partnerTenantId: string;
  readonly appId: string;
  readonly clientSecret: string;
  readonly tenants: readonly DemoTenant[];
  /** The partner tenant's security groups of technicians, which Tenantry's role assignments may name. */
  readonly partnerGroups: readonly DemoPartnerGroup[];
}

/** Tenantry's operators learn their groups from their ID tokens: security groups, as an MSP would configure it. */
const demoGroupMembershipClaims = "SecurityGroup";

export const demoRedirectUris = [
  "http://localhost:3000/auth/callback",
  "http://localhost:3000/tenants/consent-callback",
  "http://127.0.0.1:3000/auth/callback",
  "http://127.0.0.1:3000/tenants/consent-callback",
];

/**
 * The demo: a partner tenant holding Tenantry's multi-tenant app and its operators (named admins, technicians
 * and their groups), and customer tenants of sizes L, M and S consented fully, fully, partially, plus one not
 * consented at all.
 */
export function seedDemo(context: CloudContext, options: DemoAppOptions = {}): DemoCloud {
  const appPermissions = options.permissions ?? demoAppPermissions;
  const partialPermissions = options.partialPermissions ?? defaultPartialPermissions;
  const servicePrincipalRoles = options.servicePrincipalRoles ?? ["User Administrator"];
  const specs = [
    { displayName: "Tenantry Partners", domain: "tenantrypartners.onmicrosoft.com", size: "S" as const, consent: "home" as const },
    { displayName: "Contoso", domain: "contoso.onmicrosoft.com", size: "L" as const, consent: "full" as const, globalAdmins: 6 },
    { displayName: "Fabrikam", domain: "fabrikam.onmicrosoft.com", size: "M" as const, consent: "full" as const },
    { displayName: "Northwind Traders", domain: "northwind.onmicrosoft.com", size: "S" as const, consent: "partial" as const },
    { displayName: "Woodgrove Bank", domain: "woodgrove.onmicrosoft.com", size: "S" as const, consent: "none" as const },
  ];
  const tenants: DemoTenant[] = [];
  for (const spec of specs) {
    const recipe = { ...recipeFor({ displayName: spec.displayName, domain: spec.domain, size: spec.size }), ...(spec.globalAdmins ? { globalAdmins: spec.globalAdmins } : {}) };
    context.state.apply({ op: "tenant.generate", recipe });
    tenants.push({ id: recipe.tenantId, domain: spec.domain, displayName: spec.displayName, consent: spec.consent });
  }
  const partner = tenants[0]!;
  const technicians = demoTechnicians(context.state.tenant(partner.id)!.tenant);
  for (const op of technicians.ops) context.state.apply(op);
  const { app, clientSecret } = registerApplication(context, {
    homeTenantId: partner.id,
    displayName: "Tenantry",
    requiredPermissions: appPermissions,
    credential: "secret",
    redirectUris: demoRedirectUris,
    groupMembershipClaims: demoGroupMembershipClaims,
  });
  for (const tenant of tenants) {
    const directory = context.state.tenant(tenant.id)!;
    if (tenant.consent === "none") continue;
    const permissions = tenant.consent === "full" ? appPermissions : tenant.consent === "partial" ? partialPermissions : [];
    const sp = grantConsent(context, directory, app, permissions, systemInitiator);
    if (tenant.consent === "full") for (const role of servicePrincipalRoles) assignDirectoryRole(context, directory, sp.id, role, systemInitiator);
  }
  return { partnerTenantId: partner.id, appId: app.appId, clientSecret: clientSecret!, tenants, partnerGroups: technicians.groups };
}
