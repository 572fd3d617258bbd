// Records held by the local cloud. Property names follow Microsoft Graph so that a record
// serialises to Graph's JSON with little work. Records are treated as immutable values:
// a change replaces the record, which keeps shared arrays safe and the change log simple.

export interface AssignedLicense {
  readonly skuId: string;
  readonly disabledPlans: readonly string[];
}

export interface PasswordProfileState {
  /** scrypt-free salted SHA-256: the emulator needs to check passwords, not resist offline attack. */
  readonly passwordHash: string | null;
  readonly forceChangePasswordNextSignIn: boolean;
  readonly lastPasswordChangeDateTime: string | null;
}

export interface UserRecord {
  readonly kind: "user";
  readonly id: string;
  readonly createdDateTime: string;
  readonly deletedDateTime: string | null;
  readonly userPrincipalName: string;
  readonly displayName: string;
  readonly givenName: string | null;
  readonly surname: string | null;
  readonly mail: string | null;
  readonly mailNickname: string;
  readonly otherMails: readonly string[];
  readonly proxyAddresses: readonly string[];
  readonly jobTitle: string | null;
  readonly department: string | null;
  readonly companyName: string | null;
  readonly employeeId: string | null;
  readonly employeeType: string | null;
  readonly officeLocation: string | null;
  readonly streetAddress: string | null;
  readonly city: string | null;
  readonly state: string | null;
  readonly postalCode: string | null;
  readonly country: string | null;
  readonly usageLocation: string | null;
  readonly preferredLanguage: string | null;
  readonly businessPhones: readonly string[];
  readonly mobilePhone: string | null;
  readonly accountEnabled: boolean;
  readonly userType: "Member" | "Guest";
  readonly creationType: string | null;
  readonly externalUserState: string | null;
  readonly externalUserStateChangeDateTime: string | null;
  readonly onPremisesSyncEnabled: boolean | null;
  readonly onPremisesImmutableId: string | null;
  readonly onPremisesSamAccountName: string | null;
  readonly onPremisesDomainName: string | null;
  readonly onPremisesDistinguishedName: string | null;
  readonly onPremisesUserPrincipalName: string | null;
  readonly onPremisesSecurityIdentifier: string | null;
  readonly onPremisesLastSyncDateTime: string | null;
  readonly passwordPolicies: string | null;
  readonly password: PasswordProfileState;
  readonly signInSessionsValidFromDateTime: string;
  readonly managerId: string | null;
  /** Licences assigned to the user directly; group-based ones are derived from memberships. */
  readonly directLicenses: readonly AssignedLicense[];
}

export type GroupVisibility = "Public" | "Private" | "HiddenMembership";

export interface GroupRecord {
  readonly kind: "group";
  readonly id: string;
  readonly createdDateTime: string;
  readonly deletedDateTime: string | null;
  readonly displayName: string;
  readonly description: string | null;
  readonly mailNickname: string;
  readonly mail: string | null;
  readonly mailEnabled: boolean;
  readonly securityEnabled: boolean;
  readonly groupTypes: readonly string[];
  readonly membershipRule: string | null;
  readonly membershipRuleProcessingState: string | null;
  readonly isAssignableToRole: boolean | null;
  readonly visibility: GroupVisibility | null;
  readonly proxyAddresses: readonly string[];
  readonly onPremisesSyncEnabled: boolean | null;
  readonly assignedLicenses: readonly AssignedLicense[];
}

export interface PasswordCredential {
  readonly keyId: string;
  readonly displayName: string | null;
  readonly hint: string;
  readonly secretHash: string;
  readonly startDateTime: string;
  readonly endDateTime: string;
}

export interface KeyCredential {
  readonly keyId: string;
  readonly displayName: string | null;
  /** Base64 SHA-1 thumbprint of the certificate, as Graph reports customKeyIdentifier. */
  readonly thumbprintSha1: string;
  readonly thumbprintSha256: string;
  readonly certificatePem: string;
  readonly startDateTime: string;
  readonly endDateTime: string;
}

export interface ApplicationRecord {
  readonly kind: "application";
  readonly id: string;
  readonly appId: string;
  readonly createdDateTime: string;
  readonly deletedDateTime: string | null;
  readonly displayName: string;
  readonly signInAudience: "AzureADMyOrg" | "AzureADMultipleOrgs";
  /** Microsoft Graph application permissions the registration asks for, by name. */
  readonly requiredPermissions: readonly string[];
  readonly redirectUris: readonly string[];
  /** Which memberships go into the tokens issued for the app; null as Graph has it by default. Absent in older change logs. */
  readonly groupMembershipClaims?: string | null;
  readonly passwordCredentials: readonly PasswordCredential[];
  readonly keyCredentials: readonly KeyCredential[];
}

export interface AppRoleAssignment {
  readonly id: string;
  readonly appRoleId: string;
  readonly permission: string;
  readonly createdDateTime: string;
}

export interface ServicePrincipalRecord {
  readonly kind: "servicePrincipal";
  readonly id: string;
  readonly appId: string;
  readonly appOwnerOrganizationId: string;
  readonly createdDateTime: string;
  readonly deletedDateTime: string | null;
  readonly displayName: string;
  readonly accountEnabled: boolean;
  readonly servicePrincipalType: "Application";
  /** Application permissions on Microsoft Graph granted to this service principal. */
  readonly appRoleAssignments: readonly AppRoleAssignment[];
}

export type DirectoryObjectRecord = UserRecord | GroupRecord | ApplicationRecord | ServicePrincipalRecord;

export interface RoleAssignmentRecord {
  readonly id: string;
  readonly principalId: string;
  readonly roleDefinitionId: string;
  readonly directoryScopeId: string;
  readonly createdDateTime: string;
}

export interface DomainRecord {
  readonly id: string;
  readonly isDefault: boolean;
  readonly isInitial: boolean;
  readonly isVerified: boolean;
}

export interface SubscriptionRecord {
  readonly skuId: string;
  readonly skuPartNumber: string;
  readonly prepaidEnabled: number;
  readonly prepaidSuspended: number;
  readonly prepaidWarning: number;
  readonly prepaidLockedOut: number;
  readonly capabilityStatus: "Enabled" | "Warning" | "Suspended" | "Deleted" | "LockedOut";
}

export type TenantSize = "S" | "M" | "L";

export interface TenantRecord {
  readonly id: string;
  readonly displayName: string;
  readonly createdDateTime: string;
  readonly countryLetterCode: string;
  readonly preferredLanguage: string;
  readonly domains: readonly DomainRecord[];
  readonly subscriptions: readonly SubscriptionRecord[];
}

export interface DirectoryAuditRecord {
  readonly id: string;
  readonly category: string;
  readonly correlationId: string;
  readonly result: "success" | "failure";
  readonly resultReason: string;
  readonly activityDisplayName: string;
  readonly activityDateTime: string;
  readonly loggedByService: string;
  readonly operationType: string;
  readonly initiatedBy: {
    readonly app: { readonly appId: string; readonly displayName: string; readonly servicePrincipalId: string } | null;
    readonly user: { readonly id: string; readonly userPrincipalName: string; readonly displayName: string } | null;
  };
  readonly targetResources: readonly {
    readonly id: string;
    readonly displayName: string | null;
    readonly type: string;
    readonly userPrincipalName: string | null;
    readonly modifiedProperties: readonly { displayName: string; oldValue: string | null; newValue: string | null }[];
  }[];
  readonly additionalDetails: readonly { key: string; value: string }[];
}
