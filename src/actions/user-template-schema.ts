// What a user template holds: the defaults a new user starts from. Each field takes the schema of the action
// that applies it (users.create, licenses.assign-user, groups.add-member), so a template cannot hold what they refuse.
import { z } from "zod";
import { licensesAssignUserInput } from "../catalog/actions/license-actions.ts";
import { usersCreateInput } from "../catalog/actions/user-lifecycle-actions.ts";
import { groupId, mailNickname, maxListInput, newPassword, text, usageLocation, userPrincipalName } from "../catalog/input-schemas.ts";

export const userTemplateName = z
  .string()
  .min(1, "Must not be empty.")
  .max(64, "At most 64 characters.")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Lower-case letters, digits and single dashes, such as sales-germany.");

/** A DNS name such as contoso.com: the part of new user names after the @. */
const domain = z
  .string()
  .max(253, "At most 253 characters.")
  .regex(/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/, "Expected a domain such as contoso.com.")
  .transform((value) => value.toLowerCase());

/** The organisation properties a template may preset; names, phones and mails belong to the person. */
export const templateProperties = usersCreateInput.pick({
  jobTitle: true,
  department: true,
  companyName: true,
  employeeType: true,
  officeLocation: true,
  streetAddress: true,
  city: true,
  state: true,
  postalCode: true,
  country: true,
});

const unique = (values: readonly string[]) => new Set(values.map((v) => v.toLowerCase())).size === values.length;

export const userTemplateDefaults = z
  .strictObject({
    description: text(256).optional(),
    /** New users are alias@domain; without it, every person needs a full user principal name. */
    domain: domain.optional(),
    usageLocation: usageLocation.transform((value) => value.toUpperCase()).optional(),
    properties: templateProperties.default({}),
    accountEnabled: z.boolean().optional(),
    forceChangePasswordNextSignIn: z.boolean().optional(),
    licenses: licensesAssignUserInput.shape.add,
    groups: z.array(groupId).max(maxListInput, `At most ${maxListInput} groups.`).refine(unique, "A group is listed twice.").default([]),
  })
  .refine((t) => t.licenses.length === 0 || t.usageLocation !== undefined, { message: "Licences need a usage location: set usageLocation.", path: ["usageLocation"] })
  .refine((t) => unique(t.licenses.map((l) => l.sku)), { message: "A licence is listed twice.", path: ["licenses"] });
export type UserTemplateDefaults = z.infer<typeof userTemplateDefaults>;

export interface UserTemplate extends UserTemplateDefaults {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Learn, "Update user": the part of a user principal name before the @. */
const alias = z
  .string()
  .max(64, "At most 64 characters.")
  .regex(/^[A-Za-z0-9'.\-_!#^~]+$/, "Letters, digits and ' . - _ ! # ^ ~ only.");

/** The person a user is created for: a full user principal name, or an alias on the template's domain. */
export const templatePerson = z
  .strictObject({
    alias: alias.optional(),
    userPrincipalName: userPrincipalName.optional(),
    displayName: usersCreateInput.shape.displayName,
    givenName: usersCreateInput.shape.givenName,
    surname: usersCreateInput.shape.surname,
    /** Defaults to the alias. */
    mailNickname: mailNickname.optional(),
    password: newPassword.default({ mode: "generate" }),
  })
  .refine((p) => (p.alias === undefined) !== (p.userPrincipalName === undefined), { message: "Give either alias or userPrincipalName.", path: ["alias"] });
export type TemplatePerson = z.infer<typeof templatePerson>;
