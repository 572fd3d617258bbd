// The Management manifest compared with 365TUNE's "Management and Automation" module. Source: 365TUNE's page
// "Management and Automation: Permissions Explained", table "Required Permissions" (../shared/seeds/000_*.txt).
import { type ManifestPermission, moduleManifest } from "./modules.ts";
import { moduleIds } from "./module-ids.ts";

export interface ComparedPermission {
  readonly name: string;
  /** What 365TUNE uses it for, in short. */
  readonly purpose: string;
}

/** 365TUNE's list, in its order. */
export const tune365ManagementPermissions: readonly ComparedPermission[] = [
  { name: "User.ReadWrite.All", purpose: "change user properties" },
  { name: "User.EnableDisableAccount.All", purpose: "enable and disable accounts" },
  { name: "User-Phone.ReadWrite.All", purpose: "change phone numbers" },
  { name: "User-Mail.ReadWrite.All", purpose: "change other email addresses" },
  { name: "User-PasswordProfile.ReadWrite.All", purpose: "reset passwords" },
  { name: "User.DeleteRestore.All", purpose: "delete and restore users" },
  { name: "User.Read.All", purpose: "read users" },
  { name: "LicenseAssignment.ReadWrite.All", purpose: "assign licences" },
  { name: "GroupMember.ReadWrite.All", purpose: "change group membership" },
  { name: "Group.ReadWrite.All", purpose: "change group properties" },
];

/**
 * Management permissions beyond 365TUNE's list and beyond what Reporting reads, each with its justification.
 * A test keeps this equal to what the catalog actually needs.
 */
export const managementExtras: Readonly<Record<string, string>> = {
  "User.RevokeSessions.All":
    "Revoking sign-in sessions is a Tenantry feature 365TUNE does not list; this is the narrowest permission for it (User.ReadWrite.All would also do, and the consent check accepts it).",
  "User.Invite.All":
    "Inviting guests is a Tenantry feature 365TUNE does not list; this is the narrowest permission for it, it cannot change existing users (User.ReadWrite.All would also do, and the consent check accepts it).",
};

export interface Comparison {
  /** On 365TUNE's list and in Tenantry's Management manifest. */
  readonly shared: readonly (ComparedPermission & { readonly features: ManifestPermission["features"] })[];
  /** On 365TUNE's list, not needed by Tenantry. */
  readonly notNeeded: readonly ComparedPermission[];
  /** Not on 365TUNE's list, needed because Management includes Reporting's reads. */
  readonly reading: readonly ManifestPermission[];
  /** Not on 365TUNE's list nor a Reporting permission: justified in `managementExtras`. */
  readonly extras: readonly (ManifestPermission & { readonly justification: string | undefined })[];
}

export function compareManagementWith365Tune(): Comparison {
  const management = moduleManifest(moduleIds.management).permissions;
  const reporting = new Set(moduleManifest(moduleIds.reporting).permissions.map((p) => p.name));
  const theirs = new Set(tune365ManagementPermissions.map((p) => p.name));
  const ours = new Map(management.map((p) => [p.name, p]));
  return {
    shared: tune365ManagementPermissions.flatMap((p) => {
      const mine = ours.get(p.name);
      return mine ? [{ ...p, features: mine.features }] : [];
    }),
    notNeeded: tune365ManagementPermissions.filter((p) => !ours.has(p.name)),
    reading: management.filter((p) => !theirs.has(p.name) && reporting.has(p.name)),
    extras: management
      .filter((p) => !theirs.has(p.name) && !reporting.has(p.name))
      .map((p) => ({ ...p, justification: Object.hasOwn(managementExtras, p.name) ? managementExtras[p.name] : undefined })),
  };
}
