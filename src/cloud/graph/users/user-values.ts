import { badRequest, GraphError } from "../graph-error.ts";

/** Maximum lengths of user string properties, from the user resource type on Microsoft Learn. */
const maxLength: Readonly<Record<string, number>> = {
  displayName: 256,
  givenName: 64,
  surname: 64,
  jobTitle: 128,
  department: 64,
  companyName: 64,
  employeeId: 16,
  employeeType: 64,
  officeLocation: 128,
  streetAddress: 1024,
  city: 128,
  state: 128,
  postalCode: 40,
  country: 128,
  mailNickname: 64,
  mobilePhone: 64,
  preferredLanguage: 16,
  userPrincipalName: 113,
  mail: 256,
  onPremisesImmutableId: 256,
  passwordPolicies: 256,
  userType: 16,
};

function invalid(property: string): GraphError {
  return badRequest(`Invalid value specified for property '${property}' of resource 'User'.`);
}

export function notConvertible(value: unknown, type: string): GraphError {
  return new GraphError(400, "BadRequest", `Cannot convert the literal '${String(value)}' to the expected type '${type}'.`);
}

const mailNicknamePattern = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]+$/;
/** The user name part of a UPN allows letters, digits and ' . - _ ! # ^ ~ ("Update user", userPrincipalName). */
const upnPattern = /^[A-Za-z0-9'.\-_!#^~]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;

/** Checks one property value of a user create or update, with Graph's errors. */
export function checkUserValue(property: string, value: unknown): void {
  switch (property) {
    case "accountEnabled":
      if (typeof value !== "boolean") throw notConvertible(value, "Edm.Boolean");
      return;
    case "businessPhones":
      if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) throw notConvertible(value, "Collection(Edm.String)");
      if (value.length > 1) throw badRequest("Only one business phone number can be set for a user.");
      for (const v of value) if ((v as string).length > 64) throw invalid(property);
      return;
    case "otherMails":
      if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) throw notConvertible(value, "Collection(Edm.String)");
      for (const v of value) if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v as string)) throw invalid(property);
      return;
    case "passwordProfile":
      if (value === null || typeof value !== "object" || Array.isArray(value)) throw invalid(property);
      return;
    case "usageLocation":
      if (value !== null && (typeof value !== "string" || !/^[A-Za-z]{2}$/.test(value))) throw invalid(property);
      return;
    case "userType":
      if (value !== "Member" && value !== "Guest") throw invalid(property);
      return;
    default: {
      if (value === null) {
        if (["displayName", "mailNickname", "userPrincipalName"].includes(property)) throw invalid(property);
        return;
      }
      if (typeof value !== "string") throw notConvertible(value, "Edm.String");
      const max = maxLength[property];
      if (max !== undefined && value.length > max) throw invalid(property);
      if (property === "displayName" && value.trim() === "") throw invalid(property);
      if (property === "mailNickname" && !mailNicknamePattern.test(value)) throw invalid(property);
      if (property === "userPrincipalName" && !upnPattern.test(value)) throw invalid(property);
    }
  }
}

/** Entra's rules for a password set by an administrator: 8 to 256 characters, three of four character classes. */
export function checkPasswordComplexity(password: unknown): asserts password is string {
  const complexityError = badRequest(
    "The specified password does not comply with password complexity requirements. Please provide a different password.",
  );
  if (typeof password !== "string" || password.length < 8 || password.length > 256) throw complexityError;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  const hasControlCharacter = [...password].some((c) => c.charCodeAt(0) < 0x20);
  if (classes < 3 || hasControlCharacter) throw complexityError;
}
