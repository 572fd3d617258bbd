// Changing user properties: profile and organisation properties with the manager, phone numbers, other mails.
import { z } from "zod";
import { defineAction, type GraphRequestSpec } from "../action-definition.ts";
import { actionIds } from "../action-ids.ts";
import { readUserManager, userTargetGuardReads } from "../common-requests.ts";
import {
  clearable,
  email,
  hasSomeChange,
  mailNickname,
  maxListInput,
  phone,
  someChangeMessage,
  text,
  usageLocation,
  userPrincipalName,
  userRef,
} from "../input-schemas.ts";
import { moduleIds } from "../module-ids.ts";
import { roleActions } from "../role-actions.ts";
import { narrowerThanPatchUserLeast } from "../user-property-permissions.ts";

const anyUserWrite = ["User.ReadWrite.All", "Directory.ReadWrite.All"];

export const userPropertyChanges = z
  .strictObject({
    displayName: text(256).optional(),
    givenName: clearable(text(64)),
    surname: clearable(text(64)),
    userPrincipalName: userPrincipalName.optional(),
    jobTitle: clearable(text(128)),
    department: clearable(text(64)),
    companyName: clearable(text(64)),
    employeeId: clearable(text(16)),
    employeeType: clearable(text(64)),
    officeLocation: clearable(text(128)),
    manager: clearable(userRef),
    streetAddress: clearable(text(1024)),
    city: clearable(text(128)),
    state: clearable(text(128)),
    postalCode: clearable(text(40)),
    country: clearable(text(128)),
    mailNickname: mailNickname.optional(),
    usageLocation: clearable(usageLocation),
  })
  .refine(hasSomeChange, someChangeMessage);

export const usersUpdatePropertiesInput = z.strictObject({ userId: userRef, changes: userPropertyChanges });
export type UsersUpdatePropertiesInput = z.infer<typeof usersUpdatePropertiesInput>;

const patchedProperties = Object.keys(userPropertyChanges.shape).filter((p) => p !== "manager");

const basic = roleActions.usersBasicUpdate;

const setManager: GraphRequestSpec = {
  method: "PUT",
  path: "/users/{id}/manager/$ref",
  properties: ["manager"],
  permission: "User.ReadWrite.All",
  why: "Sets the user's manager.",
  alternatives: ["Directory.ReadWrite.All"],
};

export const usersUpdateProperties = defineAction({
  id: actionIds.usersUpdateProperties,
  title: "Update user properties",
  description:
    "Changes a user's identity (display name, given name, surname, user name), organisation (job title, department, company, employee id and type, office, manager), contact (address, mail nickname) and usage location.",
  module: moduleIds.management,
  kind: "write",
  input: usersUpdatePropertiesInput,
  graph: [
    {
      method: "PATCH",
      path: "/users/{id}",
      properties: patchedProperties,
      permission: "User.ReadWrite.All",
      why: "Changes the user's profile, organisation and contact properties and usage location; Microsoft offers no narrower permission for them.",
      alternatives: ["Directory.ReadWrite.All"],
    },
    setManager,
    { ...setManager, method: "DELETE", why: "Removes the user's manager." },
    { ...readUserManager, why: "Reads the user's manager before and after a change of manager, for the audit log and verification." },
    ...userTargetGuardReads,
  ],
  operatorRoleActions: [],
  propertyRoleActions: {
    ...Object.fromEntries(patchedProperties.map((p) => [p, basic])),
    userPrincipalName: roleActions.usersUserPrincipalNameUpdate,
    usageLocation: roleActions.usersUsageLocationUpdate,
    manager: roleActions.usersManagerUpdate,
  },
  guards: { syncedUser: "refuse-on-premises-mastered", adminTarget: "sensitive-action" },
  verify: "Read the user back and compare every changed property and the manager with the request.",
});

export const userPhoneChanges = z
  .strictObject({
    /** Graph keeps a list, but a user has at most one business phone. */
    businessPhones: z.array(phone).max(1, "A user has at most one business phone.").optional(),
    mobilePhone: clearable(phone),
  })
  .refine(hasSomeChange, someChangeMessage);

export const usersUpdatePhonesInput = z.strictObject({ userId: userRef, changes: userPhoneChanges });
export type UsersUpdatePhonesInput = z.infer<typeof usersUpdatePhonesInput>;

export const usersUpdatePhones = defineAction({
  id: actionIds.usersUpdatePhones,
  title: "Update phone numbers",
  description: "Changes a user's business phone and mobile phone.",
  module: moduleIds.management,
  kind: "write",
  input: usersUpdatePhonesInput,
  graph: [
    {
      method: "PATCH",
      path: "/users/{id}",
      properties: ["businessPhones", "mobilePhone"],
      permission: "User-Phone.ReadWrite.All",
      why: "Changes the user's business and mobile phone numbers, and nothing else.",
      notLeastBecause: narrowerThanPatchUserLeast("phone numbers"),
      alternatives: anyUserWrite,
    },
    ...userTargetGuardReads,
  ],
  operatorRoleActions: [basic],
  guards: { syncedUser: "refuse-on-premises-mastered", adminTarget: "password-reset" },
  verify: "Read the user back and compare businessPhones and mobilePhone with the request.",
});

/** The whole new list; an empty list clears it. At most 100 addresses (Tenantry's bound). */
export const userOtherMailsChanges = z.strictObject({ otherMails: z.array(email).max(maxListInput) });

export const usersUpdateOtherMailsInput = z.strictObject({ userId: userRef, changes: userOtherMailsChanges });
export type UsersUpdateOtherMailsInput = z.infer<typeof usersUpdateOtherMailsInput>;

export const usersUpdateOtherMails = defineAction({
  id: actionIds.usersUpdateOtherMails,
  title: "Update other email addresses",
  description: "Replaces a user's list of other email addresses (otherMails), used for notifications and password reset.",
  module: moduleIds.management,
  kind: "write",
  input: usersUpdateOtherMailsInput,
  graph: [
    {
      method: "PATCH",
      path: "/users/{id}",
      properties: ["otherMails"],
      permission: "User-Mail.ReadWrite.All",
      why: "Changes the user's other email addresses; it gives no access to mailboxes or mail.",
      notLeastBecause: narrowerThanPatchUserLeast("otherMails"),
      alternatives: anyUserWrite,
    },
    ...userTargetGuardReads,
  ],
  operatorRoleActions: [basic],
  guards: { syncedUser: "refuse-on-premises-mastered", adminTarget: "password-reset" },
  verify: "Read the user back and compare otherMails with the request.",
});

export const userPropertyActions = [usersUpdateProperties, usersUpdatePhones, usersUpdateOtherMails] as const;
