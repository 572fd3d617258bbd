import type { ApplicationRecord, ServicePrincipalRecord } from "../../directory/model.ts";
import type { GraphCall, GraphRoute } from "../graph-call.ts";
import { route } from "../graph-call.ts";
import { resourceNotFound } from "../graph-error.ts";
import { appRoleIdFor } from "../../authz/required-permissions.ts";
import { uuidV5 } from "../../authz/uuid-v5.ts";
import { graphAppId } from "../../cloud-context.ts";

/** Microsoft Graph's own service principal differs per tenant; the cloud does not list it, but names it consistently. */
function graphServicePrincipalId(tenantId: string): string {
  return uuidV5(graphAppId, `graph-service-principal:${tenantId}`);
}

function spJson(sp: ServicePrincipalRecord): Record<string, unknown> {
  return {
    id: sp.id,
    appId: sp.appId,
    appOwnerOrganizationId: sp.appOwnerOrganizationId,
    displayName: sp.displayName,
    accountEnabled: sp.accountEnabled,
    servicePrincipalType: sp.servicePrincipalType,
    createdDateTime: sp.createdDateTime,
    deletedDateTime: null,
  };
}

function appJson(app: ApplicationRecord): Record<string, unknown> {
  return {
    id: app.id,
    appId: app.appId,
    displayName: app.displayName,
    signInAudience: app.signInAudience,
    createdDateTime: app.createdDateTime,
    deletedDateTime: null,
    groupMembershipClaims: app.groupMembershipClaims ?? null,
    web: { redirectUris: app.redirectUris },
    passwordCredentials: app.passwordCredentials.map((c) => ({ keyId: c.keyId, displayName: c.displayName, hint: c.hint, startDateTime: c.startDateTime, endDateTime: c.endDateTime, secretText: null })),
    keyCredentials: app.keyCredentials.map((k) => ({ keyId: k.keyId, displayName: k.displayName, customKeyIdentifier: k.thumbprintSha1, type: "AsymmetricX509Cert", usage: "Verify", startDateTime: k.startDateTime, endDateTime: k.endDateTime })),
    requiredResourceAccess: [{ resourceAppId: graphAppId, resourceAccess: app.requiredPermissions.map((p) => ({ id: appRoleIdFor(p), type: "Role" })) }],
  };
}

function records<T>(call: GraphCall, ids: Iterable<string>, kind: string): T[] {
  const out: T[] = [];
  for (const id of ids) {
    const record = call.tenant.objects.get(id);
    if (record && record.kind === kind && !record.deletedDateTime) out.push(record as T);
  }
  return out;
}

function collection(call: GraphCall, path: string, value: unknown[]) {
  return { status: 200, body: { "@odata.context": `${call.context.baseUrl}/v1.0/$metadata#${path}`, value } };
}

function servicePrincipal(call: GraphCall): ServicePrincipalRecord {
  const record = call.tenant.objects.get(call.params.spId!);
  if (record?.kind !== "servicePrincipal") throw resourceNotFound(call.params.spId!);
  return record;
}

export function appsRoutes(): GraphRoute[] {
  return [
    route("GET", "/servicePrincipals", (call) => collection(call, "servicePrincipals", records<ServicePrincipalRecord>(call, call.tenant.servicePrincipalIds.from(undefined), "servicePrincipal").map(spJson))),
    route("GET", "/servicePrincipals/{spId}", (call) => ({ status: 200, body: spJson(servicePrincipal(call)) })),
    route("GET", "/servicePrincipals/{spId}/appRoleAssignments", (call) => {
      const sp = servicePrincipal(call);
      return collection(
        call,
        `servicePrincipals('${sp.id}')/appRoleAssignments`,
        sp.appRoleAssignments.map((a) => ({ id: a.id, appRoleId: a.appRoleId, principalId: sp.id, principalDisplayName: sp.displayName, principalType: "ServicePrincipal", resourceDisplayName: "Microsoft Graph", resourceId: graphServicePrincipalId(call.tenant.id), createdDateTime: a.createdDateTime, deletedDateTime: null })),
      );
    }),
    route("GET", "/applications", (call) => collection(call, "applications", records<ApplicationRecord>(call, call.tenant.applicationIds.from(undefined), "application").map(appJson))),
  ];
}
