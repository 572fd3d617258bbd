// `users set` and `users create` options, one per user property the catalog's actions take, and the
// action inputs they make. The properties come from the catalog's schemas, so a new property there is an
// option here without a second list.
import { type Command, InvalidArgumentError } from "commander";
import { usersCreateInput } from "../catalog/actions/user-lifecycle-actions.ts";
import { userPropertyChanges } from "../catalog/actions/user-property-actions.ts";

const shape = userPropertyChanges.shape;
type Property = keyof typeof shape;

/** The properties of users.update-properties, each an option such as --job-title. */
const properties = Object.keys(shape) as Property[];

/** Phone numbers and other mails are separate actions (narrower permissions), but one command for the operator. */
const phoneAndMailOptions = ["businessPhone", "mobilePhone", "otherMails"] as const;

const clearable = [...properties.filter((p) => shape[p].safeParse(null).success), ...phoneAndMailOptions];

/** Properties `users create` takes besides the user name, display name and mail nickname. */
const createProperties = properties.filter((p) => p in usersCreateInput.shape && !["userPrincipalName", "displayName", "mailNickname"].includes(p));

export function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function words(name: string): string {
  return kebab(name).replaceAll("-", " ");
}

function collectClear(value: string, previous: string[] = []): string[] {
  const property = camel(value.trim());
  if (!(clearable as readonly string[]).includes(property)) {
    throw new InvalidArgumentError(`can clear ${clearable.map(kebab).join(", ")}.`);
  }
  return [...previous, property];
}

function list(value: string): string[] {
  return value.split(",").map((v) => v.trim()).filter((v) => v.length > 0);
}

function withPhoneAndMailOptions(command: Command): Command {
  return command
    .option("--business-phone <number>", "business phone number (a user has one)")
    .option("--mobile-phone <number>", "mobile phone number")
    .option("--other-mails <addresses>", "other email addresses, comma-separated (replaces the list)", list);
}

/** `users set`: every property of users.update-properties, phones, other mails, and --clear. */
export function withUserSetOptions(command: Command): Command {
  for (const p of properties) command.option(`--${kebab(p)} <value>`, p === "manager" ? "the manager's user principal name or object id" : `new ${words(p)}`);
  return withPhoneAndMailOptions(command).option("--clear <property>", "remove a property's value (repeatable), e.g. --clear job-title", collectClear);
}

/** `users create`: the optional properties of users.create. */
export function withUserCreateOptions(command: Command): Command {
  for (const p of createProperties) command.option(`--${kebab(p)} <value>`, words(p));
  return withPhoneAndMailOptions(command);
}

type Options = Readonly<Record<string, unknown>>;

export interface UserChanges {
  readonly properties?: Record<string, unknown>;
  readonly phones?: Record<string, unknown>;
  readonly otherMails?: { otherMails: string[] };
}

/** The changes of `users set`, split by the action that makes them; a cleared property is null (an empty list for lists). */
export function userChangesFrom(options: Options): UserChanges {
  const cleared = new Set((options.clear as string[] | undefined) ?? []);
  const props: Record<string, unknown> = {};
  for (const p of properties) {
    if (options[p] !== undefined) props[p] = options[p];
    if (cleared.has(p)) props[p] = null;
  }
  const phones: Record<string, unknown> = {};
  if (options.businessPhone !== undefined) phones.businessPhones = [options.businessPhone];
  if (cleared.has("businessPhone")) phones.businessPhones = [];
  if (options.mobilePhone !== undefined) phones.mobilePhone = options.mobilePhone;
  if (cleared.has("mobilePhone")) phones.mobilePhone = null;
  const otherMails = cleared.has("otherMails") ? [] : (options.otherMails as string[] | undefined);
  return {
    ...(Object.keys(props).length ? { properties: props } : {}),
    ...(Object.keys(phones).length ? { phones } : {}),
    ...(otherMails !== undefined ? { otherMails: { otherMails } } : {}),
  };
}

/** The optional properties of `users create` as users.create input fields. */
export function createFieldsFrom(options: Options): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const p of createProperties) if (options[p] !== undefined) fields[p] = options[p];
  if (options.businessPhone !== undefined) fields.businessPhones = [options.businessPhone];
  if (options.mobilePhone !== undefined) fields.mobilePhone = options.mobilePhone;
  if (options.otherMails !== undefined) fields.otherMails = options.otherMails;
  return fields;
}
