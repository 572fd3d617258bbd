import { deletedUserPrincipalName } from "../../directory/deleted-user-name.ts";
import type { UserRecord } from "../../directory/model.ts";
import { newUserRecord } from "../../directory/new-user-record.ts";
import { hashPassword } from "../../directory/passwords.ts";
import type { TenantDirectory } from "../../directory/tenant-directory.ts";
import type { GraphCall, GraphRoute } from "../graph-call.ts";
import { route } from "../graph-call.ts";
import { badRequest, onPremisesMastered, resourceNotFound } from "../graph-error.ts";
import { listCollection } from "../list-collection.ts";
import { applySelect, parseSelect } from "../odata/index.ts";
import { type ModifiedProperty, recordUserAudit } from "./user-audit.ts";
import { checkSensitiveActionOnTarget, checkUserUpdate } from "./user-update-rules.ts";
import { checkPasswordComplexity, checkUserValue } from "./user-values.ts";
import { defaultUserProperties, readUserProperty, userProperties } from "./user-json.ts";

export function activeUser(tenant: TenantDirectory, idOrUpn: string): UserRecord {
  const user = tenant.user(idOrUpn);
  if (!user || user.deletedDateTime) throw resourceNotFound(idOrUpn);
  return user;
}

export function userSource(tenant: TenantDirectory, contextPath = "users", ids?: (after: string | undefined) => Iterable<string>) {
  return {
    resource: "users" as const,
    contextPath,
    ids: ids ?? ((after: string | undefined) => tenant.userIds.from(after)),
    get: (id: string) => {
      const user = tenant.user(id);
      return user && !user.deletedDateTime ? user : undefined;
    },
    read: (user: UserRecord, property: string) => readUserProperty(tenant, user, property),
    defaultProperties: defaultUserProperties,
    knownProperties: userProperties,
  };
}

export function singleUserJson(call: GraphCall, user: UserRecord, contextPath = "users/$entity"): Record<string, unknown> {
  const select = parseSelect(call.query.get("$select") ?? undefined, userProperties);
  const full: Record<string, unknown> = { "@odata.context": `${call.context.baseUrl}/v1.0/$metadata#${contextPath}` };
  for (const property of select ?? defaultUserProperties) full[property] = readUserProperty(call.tenant, user, property);
  return applySelect(full, select ? ["@odata.context", ...select] : undefined, ["@odata.context", ...defaultUserProperties]);
}

function verifiedDomain(tenant: TenantDirectory, upn: string): boolean {
  const domain = upn.split("@").pop()?.toLowerCase();
  return tenant.tenant.domains.some((d) => d.isVerified && d.id.toLowerCase() === domain);
}

export function checkUpnAvailable(tenant: TenantDirectory, upn: string, selfId?: string): void {
  if (!verifiedDomain(tenant, upn)) {
    throw badRequest("The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in your organization.");
  }
  const other = tenant.user(upn);
  if (other && other.id !== selfId && !other.deletedDateTime) {
    throw badRequest("Another object with the same value for property userPrincipalName already exists.");
  }
}

function passwordState(profile: Record<string, unknown>, now: string): UserRecord["password"] {
  checkPasswordComplexity(profile.password);
  return {
    passwordHash: hashPassword(profile.password),
    forceChangePasswordNextSignIn: profile.forceChangePasswordNextSignIn !== false,
    lastPasswordChangeDateTime: now,
  };
}

/** Record fields the directory audit names as Entra does. */
const auditNames: Readonly<Record<string, string>> = { managerId: "Manager", directLicenses: "AssignedLicense" };

function auditValue(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** Applies a validated PATCH and records what changed, old and new, as Entra's audit log does. */
export function updateUser(call: GraphCall, user: UserRecord, changes: Record<string, unknown>, activity = "Update user"): UserRecord {
  const now = call.context.now().toISOString();
  const next: Record<string, unknown> = { ...user };
  const modified: ModifiedProperty[] = [];
  for (const [property, value] of Object.entries(changes)) {
    if (property === "passwordProfile") {
      next.password = passwordState(value as Record<string, unknown>, now);
      modified.push({ displayName: "PasswordProfile", oldValue: null, newValue: null });
      continue;
    }
    const normalised = property === "usageLocation" && typeof value === "string" ? value.toUpperCase() : value;
    modified.push({ displayName: auditNames[property] ?? property, oldValue: auditValue(next[property]), newValue: auditValue(normalised) });
    next[property] = normalised;
  }
  const updated = next as unknown as UserRecord;
  call.context.state.apply({ op: "object.put", tenantId: call.tenant.id, record: updated });
  recordUserAudit(call, changes.passwordProfile ? "Reset user password" : activity, "Update", updated, modified);
  return updated;
}

const requiredOnCreate = ["accountEnabled", "displayName", "mailNickname", "userPrincipalName", "passwordProfile"] as const;

function createUser(call: GraphCall) {
  const body = call.body();
  for (const property of requiredOnCreate) {
    if (body[property] === undefined) throw badRequest(`Invalid value specified for property '${property}' of resource 'User'.`);
  }
  const fields = Object.fromEntries(Object.entries(body).filter(([p]) => !p.startsWith("@")));
  checkUserUpdate(call.tenant, call.claims, undefined, fields);
  for (const [property, value] of Object.entries(fields)) checkUserValue(property, value);
  const upn = String(body.userPrincipalName);
  checkUpnAvailable(call.tenant, upn);
  const now = call.context.now().toISOString();
  const text = (p: string) => (typeof body[p] === "string" ? (body[p] as string) : null);
  const user = newUserRecord(now, {
    userPrincipalName: upn,
    displayName: String(body.displayName),
    mailNickname: String(body.mailNickname),
    accountEnabled: body.accountEnabled === true,
    password: passwordState(body.passwordProfile as Record<string, unknown>, now),
    givenName: text("givenName"),
    surname: text("surname"),
    mail: text("mail"),
    otherMails: (body.otherMails as string[] | undefined) ?? [],
    jobTitle: text("jobTitle"),
    department: text("department"),
    companyName: text("companyName"),
    employeeId: text("employeeId"),
    employeeType: text("employeeType"),
    officeLocation: text("officeLocation"),
    streetAddress: text("streetAddress"),
    city: text("city"),
    state: text("state"),
    postalCode: text("postalCode"),
    country: text("country"),
    usageLocation: text("usageLocation")?.toUpperCase() ?? null,
    preferredLanguage: text("preferredLanguage"),
    businessPhones: (body.businessPhones as string[] | undefined) ?? [],
    mobilePhone: text("mobilePhone"),
    userType: body.userType === "Guest" ? "Guest" : "Member",
    onPremisesImmutableId: text("onPremisesImmutableId"),
    passwordPolicies: text("passwordPolicies"),
  });
  call.context.state.apply({ op: "object.put", tenantId: call.tenant.id, record: user });
  recordUserAudit(call, "Add user", "Add", user);
  return { status: 201, headers: { Location: `${call.context.baseUrl}/v1.0/users/${user.id}` }, body: singleUserJson(call, user) };
}

function patchUser(call: GraphCall) {
  const user = activeUser(call.tenant, call.params.userId!);
  const changes = Object.fromEntries(Object.entries(call.body()).filter(([p]) => !p.startsWith("@")));
  checkUserUpdate(call.tenant, call.claims, user, changes);
  for (const [property, value] of Object.entries(changes)) checkUserValue(property, value);
  if (typeof changes.userPrincipalName === "string") checkUpnAvailable(call.tenant, changes.userPrincipalName, user.id);
  updateUser(call, user, changes);
  return { status: 204 };
}

/** Entra keeps a deleted user for 30 days under a new name; one synced from on-premises is deleted there, not here. */
function deleteUser(call: GraphCall) {
  const user = activeUser(call.tenant, call.params.userId!);
  checkSensitiveActionOnTarget(call.tenant, call.claims, user);
  if (user.onPremisesSyncEnabled) throw onPremisesMastered();
  const deleted: UserRecord = { ...user, deletedDateTime: call.context.now().toISOString(), userPrincipalName: deletedUserPrincipalName(user) };
  call.context.state.apply({ op: "object.put", tenantId: call.tenant.id, record: deleted });
  recordUserAudit(call, "Delete user", "Delete", user);
  return { status: 204 };
}

export function usersRoutes(): GraphRoute[] {
  return [
    route("GET", "/users", (call) => listCollection(call, userSource(call.tenant))),
    route("GET", "/users/$count", (call) => listCollection(call, userSource(call.tenant), true)),
    route("POST", "/users", createUser),
    route("GET", "/users/{userId}", (call) => ({ status: 200, body: singleUserJson(call, activeUser(call.tenant, call.params.userId!)) })),
    route("PATCH", "/users/{userId}", patchUser),
    route("DELETE", "/users/{userId}", deleteUser),
  ];
}
