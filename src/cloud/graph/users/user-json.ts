import { USER_DEFAULT_PROPERTIES } from "../odata/index.ts";
import type { UserRecord } from "../../directory/model.ts";
import type { TenantDirectory } from "../../directory/tenant-directory.ts";

/** What Graph returns for a user when the request has no `$select`. */
export const defaultUserProperties = USER_DEFAULT_PROPERTIES;

/** Every user property the local cloud serves. */
export const userProperties: ReadonlySet<string> = new Set([
  ...defaultUserProperties,
  "accountEnabled",
  "assignedLicenses",
  "licenseAssignmentStates",
  "city",
  "companyName",
  "country",
  "createdDateTime",
  "creationType",
  "deletedDateTime",
  "department",
  "employeeId",
  "employeeType",
  "externalUserState",
  "externalUserStateChangeDateTime",
  "lastPasswordChangeDateTime",
  "mailNickname",
  "onPremisesDistinguishedName",
  "onPremisesDomainName",
  "onPremisesImmutableId",
  "onPremisesLastSyncDateTime",
  "onPremisesSamAccountName",
  "onPremisesSecurityIdentifier",
  "onPremisesSyncEnabled",
  "onPremisesUserPrincipalName",
  "otherMails",
  "passwordPolicies",
  "passwordProfile",
  "postalCode",
  "proxyAddresses",
  "signInSessionsValidFromDateTime",
  "state",
  "streetAddress",
  "usageLocation",
  "userType",
]);

/** A property of the user as Graph reports it, including those the cloud derives (licences). */
export function readUserProperty(tenant: TenantDirectory, user: UserRecord, property: string): unknown {
  switch (property) {
    case "assignedLicenses":
      return tenant.effectiveLicenses(user);
    case "licenseAssignmentStates":
      return tenant.licenseStates(user);
    case "lastPasswordChangeDateTime":
      return user.password.lastPasswordChangeDateTime ?? user.createdDateTime;
    case "passwordProfile":
      return null;
    default:
      return userProperties.has(property) ? ((user as unknown as Record<string, unknown>)[property] ?? null) : undefined;
  }
}
