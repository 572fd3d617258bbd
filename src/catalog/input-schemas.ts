// Building blocks of action input schemas. Limits are Microsoft's where Learn documents them (user resource
// type, group resource type, assignLicense); where it does not, Tenantry sets a bound and says so.
import { z } from "zod";

/** A directory object id. */
export const objectId = z.guid("Expected a directory object id (GUID).");

/** Learn, "Update user": the alias allows letters, digits and ' . - _ ! # ^ ~; 113 characters in all. */
const upnPattern = /^[A-Za-z0-9'.\-_!#^~]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

export const userPrincipalName = z
  .string()
  .max(113, "A user principal name has at most 113 characters.")
  .regex(upnPattern, "Expected alias@domain; the alias may use letters, digits and ' . - _ ! # ^ ~.");

/**
 * An object id, or the object's name of another kind. Zod reports a value that is neither only as "Invalid
 * input"; the name's own rule says why, since a caller who did not send a GUID meant a name.
 */
function idOr<T extends z.ZodType<string>>(name: T, what: { id: string; name: string }) {
  return z.union([objectId, name], {
    error: (issue) => {
      if (issue.input === undefined) return `Required: ${what.id} (GUID) or ${what.name}.`;
      const reason = (issue as { errors?: readonly (readonly { message: string }[])[] }).errors?.[1]?.[0]?.message;
      return `Neither ${what.id} (GUID) nor a valid ${what.name}${reason ? `: ${reason}` : "."}`;
    },
  });
}

/** A user, by object id or user principal name (Graph accepts both in /users/{id}). */
export const userRef = idOr(userPrincipalName, { id: "an object id", name: "user principal name" });

export const groupId = objectId;

/** Input of an action on one existing user. */
export const userTargetInput = z.strictObject({ userId: userRef });
export type UserTargetInput = z.infer<typeof userTargetInput>;

/** Bounded text: trimmed, not empty, at most `max` characters, no control characters. */
export function text(max: number) {
  return z
    .string()
    .trim()
    .min(1, "Must not be empty.")
    .max(max, `At most ${max} characters.`)
    .regex(/^[^\p{Cc}]*$/u, "Control characters are not allowed.");
}

/** Optional property of a PATCH: a value, or null to clear it. */
export function clearable<T extends z.ZodType>(schema: T) {
  return schema.nullable().optional();
}

/** Learn, user resource: mailNickname, at most 64 characters, no spaces or @. */
export const mailNickname = z
  .string()
  .max(64, "At most 64 characters.")
  .regex(/^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]+$/, "Letters, digits and !#$%&'*+-/=?^_`{|}~. only; no spaces or @.");

export const email = z.email("Expected an email address.").max(256, "At most 256 characters.");

/** Learn, user resource: mobilePhone and the one businessPhones entry, at most 64 characters. */
export const phone = text(64);

/** ISO 3166-1 alpha-2 country code, e.g. "DE". */
export const usageLocation = z
  .string()
  .length(2, "Expected a two-letter country code such as DE.")
  .regex(/^[A-Za-z]{2}$/, "Expected a two-letter country code such as DE.");

/**
 * A licence: Microsoft's skuId, or its SKU part number as in the tenant's subscribed SKUs. Part numbers reach
 * 103 characters and include spaces, parentheses and slashes (data/licensing-skus.json); Tenantry allows 128.
 */
export const skuRef = idOr(text(128), { id: "a licence id", name: "SKU part number" });

/** A service plan: its id or its name (names reach 55 characters and may contain spaces); Tenantry allows 128. */
export const servicePlanRef = idOr(text(128), { id: "a service plan id", name: "service plan name" });

/** Entra's rules for a password set by an administrator: 8 to 256 characters, three of four character classes. */
export const customPassword = z
  .string()
  .min(8, "At least 8 characters.")
  .max(256, "At most 256 characters.")
  .refine((value) => [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(value)).length >= 3, {
    message: "Use three of: lower case, upper case, digits, symbols.",
  })
  .refine((value) => !/\p{Cc}/u.test(value), { message: "Control characters are not allowed." });

/** A password chosen by the operator, or one Tenantry generates. */
export const newPassword = z.discriminatedUnion("mode", [
  z.strictObject({ mode: z.literal("generate") }),
  z.strictObject({ mode: z.literal("custom"), value: customPassword }),
]);

/** Paging and search for list actions. `top` follows Graph's page size limit for users and groups (999). */
export const listQuery = {
  search: text(256).optional(),
  top: z.int().min(1).max(999).optional(),
  /** An opaque continuation token from a previous page; Tenantry bounds it at 4,096 characters. */
  cursor: z.string().min(1).max(4096).optional(),
};

/** Tenantry's bound on list inputs where Microsoft documents none. */
export const maxListInput = 100;

/** For `changes` objects: at least one property must be present. */
export function hasSomeChange(changes: object): boolean {
  return Object.keys(changes).length > 0;
}

export const someChangeMessage = { message: "Change at least one property." };

/** Learn, group resource: mailNickname, at most 64 ASCII characters, none of @ ( ) \ [ ] " ; : < > , or space. */
export const groupMailNickname = z
  .string()
  .max(64, "At most 64 characters.")
  .regex(/^[\x21-\x7E]+$/, "ASCII characters only, no spaces.")
  .regex(/^[^@()\\[\]";:<>,]+$/, 'None of @ ( ) \\ [ ] " ; : < > , may appear.');
