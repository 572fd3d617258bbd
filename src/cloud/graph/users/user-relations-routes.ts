import type { UserRecord } from "../../directory/model.ts";
import { skuInfo } from "../../directory/sku-catalog.ts";
import type { GraphCall, GraphRoute } from "../graph-call.ts";
import { route } from "../graph-call.ts";
import { badRequest, onPremisesMastered, resourceNotFound } from "../graph-error.ts";
import { directoryObjectsSource } from "../directory-objects-json.ts";
import { listCollection } from "../list-collection.ts";
import { recordUserAudit } from "./user-audit.ts";
import { applyLicenseChange, checkAvailableUnits, parseLicenseChange } from "./license-assignment.ts";
import { activeUser, singleUserJson, updateUser } from "./users-routes.ts";

function managerOf(call: GraphCall, user: UserRecord): UserRecord {
  const manager = user.managerId ? call.tenant.user(user.managerId) : undefined;
  if (!manager || manager.deletedDateTime) throw resourceNotFound("manager");
  return manager;
}

/** `{"@odata.id": ".../users/{id}"}` or `.../directoryObjects/{id}`: the id is the last segment. */
export function referencedId(body: Record<string, unknown>): string {
  const ref = body["@odata.id"];
  if (typeof ref !== "string" || ref.length === 0) throw badRequest("Invalid request body: '@odata.id' is required for a reference.");
  const last = ref.split("/").pop() ?? "";
  return decodeURIComponent(/^[^(]*\('?(.*?)'?\)$/.exec(last)?.[1] ?? last);
}

/** The manager of a synced user comes from on-premises Active Directory like its other attributes. */
function checkManagerWritable(user: UserRecord): void {
  if (user.onPremisesSyncEnabled) {
    throw onPremisesMastered();
  }
}

function setManager(call: GraphCall) {
  const user = activeUser(call.tenant, call.params.userId!);
  checkManagerWritable(user);
  const manager = activeUser(call.tenant, referencedId(call.body()));
  if (manager.id === user.id) throw badRequest("A user cannot be their own manager.");
  updateUser(call, user, { managerId: manager.id }, "Set manager");
  return { status: 204 };
}

function removeManager(call: GraphCall) {
  const user = activeUser(call.tenant, call.params.userId!);
  checkManagerWritable(user);
  if (!user.managerId) throw resourceNotFound("manager");
  updateUser(call, user, { managerId: null }, "Remove manager");
  return { status: 204 };
}

function memberOf(call: GraphCall, transitive: boolean) {
  const user = activeUser(call.tenant, call.params.userId!);
  const groupIds = transitive ? call.tenant.transitiveGroupsOf(user.id) : [...call.tenant.groupsOf(user.id)];
  const roleIds = [...call.tenant.rolesOf(user.id)];
  return listCollection(call, directoryObjectsSource(call, [...groupIds, ...roleIds].sort(), "directoryObjects"));
}

function licenseDetails(call: GraphCall) {
  const user = activeUser(call.tenant, call.params.userId!);
  const value = call.tenant.effectiveLicenses(user).map((license) => {
    const sku = skuInfo(license.skuId);
    return {
      id: Buffer.from(`${user.id}:${license.skuId}`).toString("base64url"),
      skuId: license.skuId,
      skuPartNumber: sku?.skuPartNumber ?? null,
      servicePlans: (sku?.servicePlans ?? []).map((plan) => ({
        servicePlanId: plan.servicePlanId,
        servicePlanName: plan.servicePlanName,
        provisioningStatus: license.disabledPlans.includes(plan.servicePlanId) ? "Disabled" : "Success",
        appliesTo: "User",
      })),
    };
  });
  return { status: 200, body: { "@odata.context": `${call.context.baseUrl}/v1.0/$metadata#users('${user.id}')/licenseDetails`, value } };
}

function assignLicense(call: GraphCall) {
  const user = activeUser(call.tenant, call.params.userId!);
  const change = parseLicenseChange(call.tenant, call.body());
  if (change.add.length > 0 && !user.usageLocation) {
    throw badRequest("License assignment cannot be done for user with invalid usage location.");
  }
  const inherited = new Set(call.tenant.licenseStates(user).filter((s) => s.assignedByGroup).map((s) => s.skuId));
  for (const skuId of change.remove) {
    if (!user.directLicenses.some((l) => l.skuId === skuId)) {
      throw badRequest(
        inherited.has(skuId)
          ? "User license is inherited from a group membership and it cannot be removed directly from the user."
          : "User does not have a corresponding license.",
      );
    }
  }
  const held = new Set(call.tenant.licenseStates(user).map((s) => s.skuId));
  for (const license of change.add) if (!held.has(license.skuId)) checkAvailableUnits(call.tenant, license.skuId, 1);
  const updated = updateUser(call, user, { directLicenses: applyLicenseChange(user.directLicenses, change) }, "Change user license");
  return { status: 200, body: singleUserJson(call, updated, "users/$entity") };
}

function revokeSignInSessions(call: GraphCall) {
  const user = activeUser(call.tenant, call.params.userId!);
  const now = call.context.now().toISOString();
  call.context.state.apply({ op: "object.put", tenantId: call.tenant.id, record: { ...user, signInSessionsValidFromDateTime: now } });
  recordUserAudit(call, "Invalidate all refresh tokens for user", "Update", user);
  return { status: 200, body: { "@odata.context": `${call.context.baseUrl}/v1.0/$metadata#Edm.Boolean`, value: true } };
}

export function userRelationsRoutes(): GraphRoute[] {
  return [
    route("GET", "/users/{userId}/manager", (call) => {
      const manager = managerOf(call, activeUser(call.tenant, call.params.userId!));
      return { status: 200, body: { ...singleUserJson(call, manager, "directoryObjects/$entity"), "@odata.type": "#microsoft.graph.user" } };
    }),
    route("GET", "/users/{userId}/manager/$ref", (call) => {
      const manager = managerOf(call, activeUser(call.tenant, call.params.userId!));
      return { status: 200, body: { "@odata.context": `${call.context.baseUrl}/v1.0/$metadata#directoryObjects/$entity`, "@odata.id": `${call.context.baseUrl}/v2/${call.tenant.id}/directoryObjects/${manager.id}/Microsoft.DirectoryServices.User` } };
    }),
    route("PUT", "/users/{userId}/manager/$ref", setManager),
    route("DELETE", "/users/{userId}/manager/$ref", removeManager),
    route("GET", "/users/{userId}/directReports", (call) => {
      const user = activeUser(call.tenant, call.params.userId!);
      const reports = [...call.tenant.userIds.from(undefined)].filter((id) => {
        const u = call.tenant.user(id);
        return u && !u.deletedDateTime && u.managerId === user.id;
      });
      return listCollection(call, directoryObjectsSource(call, reports, "directoryObjects"));
    }),
    route("GET", "/users/{userId}/memberOf", (call) => memberOf(call, false)),
    route("GET", "/users/{userId}/ownedObjects", (call) => {
      const user = activeUser(call.tenant, call.params.userId!);
      return listCollection(call, directoryObjectsSource(call, [...call.tenant.ownedBy(user.id)], "directoryObjects"));
    }),
    route("GET", "/users/{userId}/transitiveMemberOf", (call) => memberOf(call, true)),
    route("GET", "/users/{userId}/licenseDetails", licenseDetails),
    route("POST", "/users/{userId}/assignLicense", assignLicense),
    route("POST", "/users/{userId}/revokeSignInSessions", revokeSignInSessions),
  ];
}
