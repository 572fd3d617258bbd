// Microsoft Learn, "Update user" (https://learn.microsoft.com/graph/api/user-update): with application
// permissions, a few user properties have their own narrow permission; all others need User.ReadWrite.All.

const anyUserWrite = ["User.ReadWrite.All", "Directory.ReadWrite.All"] as const;

const narrowPermission: Readonly<Record<string, string>> = {
  accountEnabled: "User.EnableDisableAccount.All",
  passwordProfile: "User-PasswordProfile.ReadWrite.All",
  businessPhones: "User-Phone.ReadWrite.All",
  mobilePhone: "User-Phone.ReadWrite.All",
  otherMails: "User-Mail.ReadWrite.All",
};

/** Application permissions that may set this property in PATCH /users/{id}, narrowest first. */
export function userPropertyPermissions(property: string): readonly string[] {
  const narrow = Object.hasOwn(narrowPermission, property) ? narrowPermission[property] : undefined;
  return narrow ? [narrow, ...anyUserWrite] : anyUserWrite;
}

/** Learn: User.EnableDisableAccount.All sets accountEnabled only together with a permission that reads users. */
export const enableDisableCompanion = "User.Read.All";

/** Properties of a synced user that stay mastered in the cloud; Active Directory masters the rest. */
export const cloudMasteredUserProperties: readonly string[] = ["usageLocation", "passwordProfile"];

/** Why a property-scoped permission is chosen although Microsoft marks User.ReadWrite.All least for the path. */
export function narrowerThanPatchUserLeast(what: string): string {
  return `Microsoft marks User.ReadWrite.All least for PATCH /users/{id} as a whole, since it covers every property; for ${what} alone this permission is narrower: it can change nothing else.`;
}
