import { randomUUID } from "node:crypto";
import type { UserRecord } from "./model.ts";

type Required = Pick<UserRecord, "userPrincipalName" | "displayName" | "mailNickname" | "accountEnabled" | "password">;

const none: readonly never[] = Object.freeze([]);

/** A new user: every property Graph leaves empty is null, arrays are empty; a random id unless one is given. */
export function newUserRecord(now: string, fields: Required & Partial<UserRecord>): UserRecord {
  return {
    kind: "user",
    id: fields.id ?? randomUUID(),
    createdDateTime: now,
    deletedDateTime: null,
    givenName: null,
    surname: null,
    mail: null,
    otherMails: none,
    proxyAddresses: none,
    jobTitle: null,
    department: null,
    companyName: null,
    employeeId: null,
    employeeType: null,
    officeLocation: null,
    streetAddress: null,
    city: null,
    state: null,
    postalCode: null,
    country: null,
    usageLocation: null,
    preferredLanguage: null,
    businessPhones: none,
    mobilePhone: null,
    userType: "Member",
    creationType: null,
    externalUserState: null,
    externalUserStateChangeDateTime: null,
    onPremisesSyncEnabled: null,
    onPremisesImmutableId: null,
    onPremisesSamAccountName: null,
    onPremisesDomainName: null,
    onPremisesDistinguishedName: null,
    onPremisesUserPrincipalName: null,
    onPremisesSecurityIdentifier: null,
    onPremisesLastSyncDateTime: null,
    passwordPolicies: null,
    signInSessionsValidFromDateTime: now,
    managerId: null,
    directLicenses: none,
    ...fields,
  };
}
