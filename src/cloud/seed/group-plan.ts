// Which groups a generated tenant has: a fixed core with every kind of group Entra knows
// (security, Microsoft 365, mail-enabled security, distribution, dynamic, role-assignable,
// group-based licensing, synced from AD), then more of them as the tenant grows.

import type { AssignedLicense, GroupVisibility } from "../directory/model.ts";
import { DEMO_ROLES } from "./demo-roles.ts";
import { BUSINESS_APPS, PROJECT_NAMES } from "./demo-group-names.ts";
import { DEPARTMENTS, EXECUTIVE } from "./demo-org.ts";
import type { Prng } from "./prng.ts";
import { EMPTY } from "./shared-values.ts";
import type { TenantLayout } from "./tenant-layout.ts";

/** Who the members are. Static samples carry a relative size, scaled to the tenant later. */
export type MemberSource =
  | { readonly kind: "userType"; readonly userType: "Member" | "Guest" }
  | { readonly kind: "department"; readonly department: number }
  | { readonly kind: "country"; readonly country: string }
  | { readonly kind: "sample"; readonly weight: number; readonly guests: boolean }
  | { readonly kind: "team"; readonly size: number }
  | { readonly kind: "groupLicensed" }
  | { readonly kind: "synced"; readonly weight: number };

export interface GroupSpec {
  readonly displayName: string;
  readonly description: string;
  readonly mailNickname: string;
  readonly mailEnabled: boolean;
  readonly securityEnabled: boolean;
  readonly groupTypes: readonly string[];
  readonly membershipRule: string | null;
  readonly isAssignableToRole: boolean | null;
  readonly visibility: GroupVisibility | null;
  readonly onPremisesSyncEnabled: boolean | null;
  readonly assignedLicenses: readonly AssignedLicense[];
  readonly members: MemberSource;
  readonly owners: number;
  /** Template id of a directory role held by the group (role-assignable groups only). */
  readonly roleTemplateId: string | null;
}

const UNIFIED: readonly string[] = Object.freeze(["Unified"]);
const DYNAMIC: readonly string[] = Object.freeze(["DynamicMembership"]);
const MAX_GROUPS = 300;

type Shape = Pick<
  GroupSpec,
  "mailEnabled" | "securityEnabled" | "groupTypes" | "membershipRule" | "isAssignableToRole" | "visibility" | "onPremisesSyncEnabled"
>;

const securityShape: Shape = {
  mailEnabled: false,
  securityEnabled: true,
  groupTypes: EMPTY,
  membershipRule: null,
  isAssignableToRole: null,
  visibility: null,
  onPremisesSyncEnabled: null,
};

export function groupCount(userCount: number): number {
  return Math.min(MAX_GROUPS, 8 + Math.floor(userCount / 50));
}

/** Builds the list; repeated names get a number ("SG-Sales-London 2") so names and nicknames stay unique. */
class GroupList {
  readonly specs: GroupSpec[] = [];
  readonly #names = new Map<string, number>();

  add(
    displayName: string,
    description: string,
    shape: Shape,
    members: MemberSource,
    extra: Partial<Pick<GroupSpec, "owners" | "roleTemplateId" | "assignedLicenses">> = {},
  ): void {
    const seen = this.#names.get(displayName) ?? 0;
    this.#names.set(displayName, seen + 1);
    const name = seen === 0 ? displayName : `${displayName} ${seen + 1}`;
    this.specs.push({
      displayName: name,
      description,
      mailNickname: name.replace(/[^A-Za-z0-9-]/g, ""),
      ...shape,
      members,
      owners: extra.owners ?? 0,
      roleTemplateId: extra.roleTemplateId ?? null,
      assignedLicenses: extra.assignedLicenses ?? EMPTY,
    });
  }

  security(name: string, description: string, members: MemberSource, owners = 0): void {
    this.add(name, description, securityShape, members, { owners });
  }

  unified(name: string, description: string, visibility: GroupVisibility, members: MemberSource, owners: number): void {
    this.add(name, description, { ...securityShape, mailEnabled: true, securityEnabled: false, groupTypes: UNIFIED, visibility }, members, {
      owners,
    });
  }

  mailEnabledSecurity(name: string, description: string, members: MemberSource, owners: number): void {
    this.add(name, description, { ...securityShape, mailEnabled: true }, members, { owners });
  }

  distribution(name: string, description: string, members: MemberSource, owners: number): void {
    this.add(name, description, { ...securityShape, mailEnabled: true, securityEnabled: false }, members, { owners });
  }

  dynamic(name: string, description: string, rule: string, members: MemberSource): void {
    this.add(name, description, { ...securityShape, groupTypes: DYNAMIC, membershipRule: rule }, members);
  }

  roleAssignable(name: string, description: string, roleTemplateId: string, size: number): void {
    this.add(name, description, { ...securityShape, isAssignableToRole: true }, { kind: "team", size }, { owners: 1, roleTemplateId });
  }

  synced(name: string, description: string, weight: number): void {
    this.add(name, description, { ...securityShape, onPremisesSyncEnabled: true }, { kind: "synced", weight });
  }
}

function sample(prng: Prng, guests = false): MemberSource {
  return { kind: "sample", weight: 0.5 + prng.next(), guests };
}

export function planGroups(layout: TenantLayout, groupLicenses: readonly AssignedLicense[], prng: Prng): GroupSpec[] {
  const list = new GroupList();
  const hq = layout.offices[0]!;
  const sales = DEPARTMENTS.findIndex((d) => d.name === "Sales");
  list.dynamic("All Employees", "Every member account of the company.", '(user.userType -eq "Member")', {
    kind: "userType",
    userType: "Member",
  });
  list.dynamic("All Guests", "Every guest account invited into the directory.", '(user.userType -eq "Guest")', {
    kind: "userType",
    userType: "Guest",
  });
  list.dynamic("Sales Department", "Everyone in Sales, kept current from the department attribute.", '(user.department -eq "Sales")', {
    kind: "department",
    department: sales,
  });
  list.unified("Company Communications", "News and announcements for the whole company.", "Public", sample(prng), 2);
  list.unified("Leadership Team", "Private workspace of the leadership team.", "Private", { kind: "team", size: 8 }, 1);
  list.add(layout.scheme.groupDisplayName, "Members receive their licence through group-based licensing.", securityShape, { kind: "groupLicensed" }, {
    owners: 1,
    assignedLicenses: groupLicenses,
  });
  list.mailEnabledSecurity("Security Alerts", "Receives security notifications; grants access to the SOC share.", { kind: "team", size: 5 }, 1);
  list.roleAssignable("Tier 1 Support", "Service desk; holds Helpdesk Administrator.", DEMO_ROLES.helpdeskAdministrator.templateId, 4);
  list.roleAssignable("Security Operations", "Security monitoring; holds Security Reader.", DEMO_ROLES.securityReader.templateId, 3);
  list.distribution("Finance Announcements", "Distribution list for finance updates.", sample(prng), 1);
  list.security("VPN Users", "Allowed to connect through the corporate VPN.", sample(prng), 1);
  if (layout.syncedCount > 0) list.synced("GG-Staff-FileShare", "Synchronised from Active Directory: access to the staff file share.", 1);

  const unusedDepartments = DEPARTMENTS.map((_, i) => i).filter((i) => i !== sales && i !== EXECUTIVE);
  const unusedCountries = [...new Set(layout.offices.map((o) => o.country))];
  const target = Math.max(list.specs.length, groupCount(layout.recipe.userCount));
  for (let round = 0; list.specs.length < target; round++) {
    const project = PROJECT_NAMES[round % PROJECT_NAMES.length]!;
    const app = BUSINESS_APPS[round % BUSINESS_APPS.length]!;
    const department = DEPARTMENTS[1 + (round % (DEPARTMENTS.length - 1))]!.name;
    const city = (layout.offices[round % layout.offices.length] ?? hq).city;
    const tag = (text: string) => text.replace(/ /g, "");
    switch (round % 9) {
      case 0:
        list.unified(`Project ${project}`, `Team site of project ${project}.`, prng.chance(0.6) ? "Private" : "Public", sample(prng, true), 1 + prng.int(2));
        break;
      case 1:
        list.security(`SG-${tag(department)}-${tag(city)}`, `${department} staff in ${city}.`, sample(prng), prng.int(2));
        break;
      case 2:
        list.distribution(`${city} Office`, `Everyone working from the ${city} office.`, sample(prng), 1);
        break;
      case 3:
        list.security(`APP - ${app} Users`, `Access to ${app} through single sign-on.`, sample(prng), prng.int(2));
        break;
      case 4: {
        const next = unusedDepartments.shift();
        if (next === undefined) list.unified(`${department} Community`, `Open community for ${department}.`, "Public", sample(prng, true), 1);
        else {
          const name = DEPARTMENTS[next]!.name;
          list.dynamic(`${name} Department`, `Everyone in ${name}, kept current from the department attribute.`, `(user.department -eq "${name}")`, {
            kind: "department",
            department: next,
          });
        }
        break;
      }
      case 5:
        list.mailEnabledSecurity(`${department} Notifications`, `Notifications and shared-mailbox access for ${department}.`, sample(prng), 1);
        break;
      case 6: {
        const country = unusedCountries.shift();
        if (country === undefined) list.security(`SG-Printers-${tag(city)}`, `Printer access in ${city}.`, sample(prng));
        else list.dynamic(`All Staff - ${country}`, `Everyone located in ${country}.`, `(user.country -eq "${country}")`, { kind: "country", country });
        break;
      }
      case 7:
        if (layout.syncedCount > 0) list.synced(`GG-${tag(department)}-Share`, `Synchronised from Active Directory: ${department} file share.`, 0.5 + prng.next());
        else list.security(`SG-${tag(department)}-Managers`, `Managers in ${department}.`, sample(prng), 1);
        break;
      default:
        list.unified(`${project} Community`, `Open community around ${project}.`, "Public", sample(prng, true), 1);
        break;
    }
  }
  return list.specs;
}
