// Builds the user records of a generated tenant one at a time, in ascending id order, and keeps
// the compact facts (kind, department, office per user) that groups and roles are built from.
// Built for a million users: shared strings and arrays wherever values repeat, typed arrays for
// the facts, no per-user closures.

import type { AssignedLicense, PasswordProfileState, UserRecord } from "../directory/model.ts";
import { newUserRecord } from "../directory/new-user-record.ts";
import { hashPassword } from "../directory/passwords.ts";
import { asciiFold } from "./ascii-fold.ts";
import { DEMO_PASSWORD, type DemoAdmin } from "./demo-admins.ts";
import { GIVEN_NAMES, SURNAMES } from "./demo-names.ts";
import { DEPARTMENTS, EXECUTIVE, type Office } from "./demo-org.ts";
import { PARTNERS } from "./demo-partners.ts";
import { flat } from "./flat-strings.ts";
import { ascendingGuid, randomBase64Guid, randomHex } from "./guids.ts";
import { LicenceAssigner } from "./licence-assigner.ts";
import { Prng } from "./prng.ts";
import { PhoneBook } from "./phone-numbers.ts";
import { apportion, ExactPicker, QuotaDraw } from "./quotas.ts";
import { EMPTY } from "./shared-values.ts";
import type { TenantLayout } from "./tenant-layout.ts";
import { FLAG_DISABLED, FLAG_SYNCED, KIND_ADMIN, KIND_GUEST, KIND_MEMBER, NONE, type UserFacts } from "./user-facts.ts";
import { adminCreationMs, DatePool, graphDateTime, TIMELINE_END_MS } from "./timeline.ts";

const GIVEN_ASCII = GIVEN_NAMES.map(asciiFold);
const SURNAME_ASCII = SURNAMES.map(asciiFold);
const DATE_POOL_SIZE = 4096;
const REPORTS_PER_MANAGER = 8;

export class UserFactory implements UserFacts {
  readonly ids: string[] = [];
  readonly flags: Uint8Array;
  readonly departments: Uint8Array;
  readonly offices: Uint8Array;
  readonly groupLicensed: number[] = [];
  readonly synced: number[] = [];
  readonly licences: LicenceAssigner;
  readonly #layout: TenantLayout;
  readonly #tenantCreatedMs: number;
  readonly #prng: Prng;
  readonly #idPrng: Prng;
  readonly #dates: DatePool;
  readonly #noPassword: readonly PasswordProfileState[];
  readonly #lastSync: string;
  readonly #guestPicker: ExactPicker;
  readonly #syncedPicker: ExactPicker;
  readonly #disabledPicker: ExactPicker;
  readonly #withoutLocationPicker: ExactPicker;
  readonly #departmentDraw: QuotaDraw;
  readonly #departmentSize: readonly number[];
  readonly #departmentSeen: number[];
  /** Per department, the ids of members who have reports, by their rank in the department. */
  readonly #managers: string[][];
  readonly #memberNames: Uint32Array;
  readonly #guestNames: Uint32Array;
  readonly #samNames: Uint32Array;
  readonly #phoneBooks: readonly PhoneBook[];
  readonly #domainSid: string;
  /** ",DC=corp,DC=contoso,DC=local" for every synced user's distinguished name. */
  readonly #domainComponents: string;
  readonly #employeeIdStart: number;
  #memberOrdinal = 0;
  #ceoId: string | null = null;

  constructor(layout: TenantLayout, tenantCreatedMs: number, seed: number) {
    this.#layout = layout;
    this.#tenantCreatedMs = tenantCreatedMs;
    const total = layout.recipe.userCount;
    this.flags = new Uint8Array(total);
    this.departments = new Uint8Array(total).fill(NONE);
    this.offices = new Uint8Array(total).fill(NONE);
    this.#prng = new Prng(seed, 11);
    this.#idPrng = new Prng(seed, 12);
    this.#dates = new DatePool(this.#prng, tenantCreatedMs + 86_400_000, TIMELINE_END_MS, DATE_POOL_SIZE);
    this.#noPassword = this.#dates.values.map((date) =>
      Object.freeze({ passwordHash: null, forceChangePasswordNextSignIn: false, lastPasswordChangeDateTime: date }),
    );
    this.#lastSync = graphDateTime(TIMELINE_END_MS - this.#prng.int(1800) * 1000);
    const members = layout.memberCount;
    this.#guestPicker = new ExactPicker(layout.guestCount, total - layout.admins.length);
    this.#syncedPicker = new ExactPicker(layout.syncedCount, members);
    this.#disabledPicker = new ExactPicker(layout.disabledCount, members);
    this.licences = new LicenceAssigner(layout.scheme, members, layout.withoutUsageLocationCount);
    this.#withoutLocationPicker = new ExactPicker(layout.withoutUsageLocationCount, this.licences.unlicensedCount);
    const sizes = apportion(
      members,
      DEPARTMENTS.map((d) => d.weight),
    );
    if (members > 0 && sizes[EXECUTIVE] === 0) {
      sizes[sizes.indexOf(Math.max(...sizes))]!--;
      sizes[EXECUTIVE] = 1;
    }
    this.#departmentSize = sizes;
    this.#departmentDraw = new QuotaDraw(sizes);
    this.#departmentSeen = DEPARTMENTS.map(() => 0);
    this.#managers = DEPARTMENTS.map(() => []);
    this.#memberNames = new Uint32Array(GIVEN_NAMES.length * SURNAMES.length);
    this.#guestNames = new Uint32Array(GIVEN_NAMES.length * SURNAMES.length);
    this.#samNames = new Uint32Array(26 * SURNAMES.length);
    this.#domainSid = `S-1-5-21-${this.#prng.uint32()}-${this.#prng.uint32()}-${this.#prng.uint32()}`;
    this.#employeeIdStart = 10_000 + this.#prng.int(80_000);
    this.#phoneBooks = layout.offices.map((office) => new PhoneBook(office));
    this.#domainComponents = layout.onPremisesDomain
      .split(".")
      .map((part) => `,DC=${part}`)
      .join("");
  }

  get headquarters(): Office {
    return this.#layout.offices[0]!;
  }

  /** The user at `index`; call with 0, 1, 2... in turn, since ids ascend and quotas run in that order. */
  user(index: number): UserRecord {
    const id = ascendingGuid(this.#idPrng, index, this.#layout.recipe.userCount);
    this.ids.push(id);
    const admins = this.#layout.admins;
    if (index < admins.length) return this.#admin(id, index, admins[index]!);
    if (this.#guestPicker.take(this.#prng)) return this.#guest(id, index);
    return this.#member(id, index);
  }

  #admin(id: string, index: number, admin: DemoAdmin): UserRecord {
    this.flags[index] = KIND_ADMIN;
    const created = graphDateTime(adminCreationMs(this.#tenantCreatedMs, index));
    const hq = this.headquarters;
    return newUserRecord(created, {
      id,
      userPrincipalName: admin.userPrincipalName,
      displayName: admin.displayName,
      mailNickname: admin.mailNickname,
      accountEnabled: true,
      usageLocation: hq.countryCode,
      preferredLanguage: hq.language,
      password: {
        passwordHash: hashPassword(DEMO_PASSWORD, randomHex(this.#prng, 16)),
        forceChangePasswordNextSignIn: false,
        lastPasswordChangeDateTime: created,
      },
    });
  }

  #guest(id: string, index: number): UserRecord {
    this.flags[index] = KIND_GUEST;
    const prng = this.#prng;
    const given = prng.int(GIVEN_NAMES.length);
    const surname = prng.int(SURNAMES.length);
    const seen = this.#guestNames[given * SURNAMES.length + surname]!++;
    const local = flat(GIVEN_ASCII[given]!, ".", SURNAME_ASCII[surname]!, seen === 0 ? "" : String(seen + 1));
    let pick = prng.int(PARTNERS.length);
    if (PARTNERS[pick]!.domain === this.#layout.vanityDomain) pick = (pick + 1) % PARTNERS.length;
    const partner = PARTNERS[pick]!;
    const email = flat(local, "@", partner.domain);
    const external = flat(local, "_", partner.domain, "#EXT#");
    const dateIndex = prng.int(DATE_POOL_SIZE);
    const created = this.#dates.values[dateIndex]!;
    return newUserRecord(created, {
      id,
      userPrincipalName: flat(external, "@", this.#layout.initialDomain),
      displayName: flat(GIVEN_NAMES[given]!, " ", SURNAMES[surname]!),
      givenName: GIVEN_NAMES[given]!,
      surname: SURNAMES[surname]!,
      mail: email,
      mailNickname: external,
      otherMails: [email],
      proxyAddresses: [`SMTP:${email}`],
      companyName: partner.companyName,
      accountEnabled: true,
      userType: "Guest",
      creationType: "Invitation",
      externalUserState: prng.chance(0.85) ? "Accepted" : "PendingAcceptance",
      externalUserStateChangeDateTime: created,
      password: this.#noPassword[dateIndex]!,
    });
  }

  #member(id: string, index: number): UserRecord {
    const prng = this.#prng;
    const layout = this.#layout;
    const ordinal = this.#memberOrdinal++;

    const department = ordinal === 0 ? this.#departmentDraw.force(EXECUTIVE) : this.#departmentDraw.draw(prng);
    const rank = this.#departmentSeen[department]!++;
    const hasReports = REPORTS_PER_MANAGER * rank + 1 < this.#departmentSize[department]!;
    const managerId = this.#managerOf(department, rank);
    if (hasReports || rank === 0) this.#managers[department]!.push(id);
    if (ordinal === 0) this.#ceoId = id;
    const dept = DEPARTMENTS[department]!;
    const jobTitle = rank === 0 ? dept.headTitle : hasReports ? dept.managerTitle : prng.pick(dept.titles);

    const officeIndex = department === EXECUTIVE ? 0 : this.#pickOffice(prng);
    const office = layout.offices[officeIndex]!;

    const given = prng.int(GIVEN_NAMES.length);
    const surname = prng.int(SURNAMES.length);
    const seen = this.#memberNames[given * SURNAMES.length + surname]!++;
    const suffix = seen === 0 ? "" : String(seen + 1);
    const nickname = flat(GIVEN_ASCII[given]!, ".", SURNAME_ASCII[surname]!, suffix);
    const upn = flat(nickname, "@", layout.userDomain);
    const displayName = flat(GIVEN_NAMES[given]!, " ", SURNAMES[surname]!);

    const profile = this.licences.drawProfile(prng);
    const unlicensed = this.licences.isUnlicensed(profile);
    const directLicenses: readonly AssignedLicense[] = this.licences.directLicenses(profile, prng);
    if (this.licences.isGroupLicensed(profile)) this.groupLicensed.push(index);
    const withoutLocation = unlicensed && this.#withoutLocationPicker.take(prng);
    const disabled = this.#disabledPicker.take(prng);
    const synced = this.#syncedPicker.take(prng);
    const contractor = prng.chance(0.07);

    this.flags[index] = KIND_MEMBER | (disabled ? FLAG_DISABLED : 0) | (synced ? FLAG_SYNCED : 0);
    this.departments[index] = department;
    this.offices[index] = officeIndex;
    if (synced) this.synced.push(index);

    const dateIndex = prng.int(DATE_POOL_SIZE);
    const created = this.#dates.values[dateIndex]!;
    const mailbox = !unlicensed;
    let proxyAddresses: readonly string[] = EMPTY;
    if (mailbox) {
      const primary = `SMTP:${upn}`;
      proxyAddresses = layout.vanityDomain ? [primary, flat("smtp:", nickname, "@", layout.initialDomain)] : [primary];
    }
    return {
      kind: "user",
      id,
      createdDateTime: created,
      deletedDateTime: null,
      userPrincipalName: upn,
      displayName,
      givenName: GIVEN_NAMES[given]!,
      surname: SURNAMES[surname]!,
      mail: mailbox ? upn : null,
      mailNickname: nickname,
      otherMails: EMPTY,
      proxyAddresses,
      jobTitle,
      department: dept.name,
      companyName: layout.recipe.displayName,
      employeeId: contractor ? null : String(this.#employeeIdStart + ordinal),
      employeeType: contractor ? "Contractor" : "Employee",
      officeLocation: office.name,
      streetAddress: office.streetAddress,
      city: office.city,
      state: office.state,
      postalCode: office.postalCode,
      country: office.country,
      usageLocation: withoutLocation ? null : office.countryCode,
      preferredLanguage: prng.chance(0.75) ? office.language : null,
      businessPhones: prng.chance(0.85) ? this.#phoneBooks[officeIndex]!.business(prng) : EMPTY,
      mobilePhone: prng.chance(0.6) ? this.#phoneBooks[officeIndex]!.mobile(prng) : null,
      accountEnabled: !disabled,
      userType: "Member",
      creationType: null,
      externalUserState: null,
      externalUserStateChangeDateTime: null,
      onPremisesSyncEnabled: synced ? true : null,
      onPremisesImmutableId: synced ? randomBase64Guid(prng) : null,
      onPremisesSamAccountName: synced ? this.#samAccountName(given, surname) : null,
      onPremisesDomainName: synced ? layout.onPremisesDomain : null,
      onPremisesDistinguishedName: synced ? this.#distinguishedName(displayName, suffix, dept.name, office.name) : null,
      onPremisesUserPrincipalName: synced ? upn : null,
      onPremisesSecurityIdentifier: synced ? flat(this.#domainSid, "-", String(1104 + this.synced.length)) : null,
      onPremisesLastSyncDateTime: synced ? this.#lastSync : null,
      passwordPolicies: synced ? "DisablePasswordExpiration" : null,
      password: this.#noPassword[dateIndex]!,
      signInSessionsValidFromDateTime: created,
      managerId,
      directLicenses,
    };
  }

  /** Departments form trees of eight reports per manager under their head, who reports to the CEO. */
  #managerOf(department: number, rank: number): string | null {
    if (rank === 0) return department === EXECUTIVE ? null : this.#ceoId;
    return this.#managers[department]![Math.floor((rank - 1) / REPORTS_PER_MANAGER)] ?? null;
  }

  #pickOffice(prng: Prng): number {
    const weights = this.#layout.officeWeights;
    let total = 0;
    for (const w of weights) total += w;
    let ticket = prng.next() * total;
    for (let i = 0; i < weights.length; i++) {
      ticket -= weights[i]!;
      if (ticket < 0) return i;
    }
    return weights.length - 1;
  }

  /** Pre-Windows 2000 logon name: initial + surname, at most 20 characters, numbered when taken. */
  #samAccountName(given: number, surname: number): string {
    const initial = GIVEN_ASCII[given]!.charCodeAt(0) - 97;
    const key = (initial >= 0 && initial < 26 ? initial : 0) * SURNAMES.length + surname;
    const seen = this.#samNames[key]!++;
    const suffix = seen === 0 ? "" : String(seen + 1);
    return flat(flat(GIVEN_ASCII[given]![0]!, SURNAME_ASCII[surname]!).slice(0, 20 - suffix.length), suffix);
  }

  #distinguishedName(displayName: string, suffix: string, department: string, office: string): string {
    const cn = suffix === "" ? displayName : flat(displayName, " (", suffix, ")");
    return flat("CN=", cn, ",OU=", department, ",OU=Users,OU=", office, this.#domainComponents);
  }
}
