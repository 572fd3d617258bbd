import { randomUUID } from "node:crypto";
import type { UserRecord } from "./model.ts";

type Required = Pick<UserRecord, "userPrincipalName" | "displayName" | "mailNickname" | "accountEnabled" | "password">;

/** A user made in the cloud (not generated): every property Graph leaves empty is null, arrays are empty. */
export function newUserRecord(now: string, fields: Required & Partial<UserRecord>): UserRecord {
  return {
    kind: "user",
    id: randomUUID(),
    createdDateTime: now,
    deletedDateTime: null,
    givenName: null,
    surname: null,
    mail: null,
    otherMails: [],
    proxyAddresses: [],
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
    businessPhones: [],
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
    directLicenses: [],
    ...fields,
  };
}
