import type { CloudContext } from "../cloud-context.ts";
import { graphAppId, graphResource } from "../cloud-context.ts";
import type { TenantDirectory } from "../directory/tenant-directory.ts";
import { AadError } from "./aad-error.ts";
import { authenticateClient } from "./client-authentication.ts";
import { requireTenant } from "./resolve-tenant.ts";
import { accessTokenLifetimeSeconds, issueAppToken } from "./token-issuer.ts";
import { required, type TokenRequest } from "./token-request.ts";

function isGraphScope(context: CloudContext, scope: string): boolean {
  const resource = scope.slice(0, -"/.default".length).replace(/\/$/, "");
  return [graphResource, context.baseUrl, graphAppId].includes(resource);
}

/** Where a client assertion may be addressed: this token endpoint by any name of the tenant. */
export function tokenEndpointAudiences(context: CloudContext, pathTenant: string, tenant: TenantDirectory): string[] {
  const names = new Set([pathTenant, tenant.id, ...tenant.tenant.domains.map((d) => d.id)]);
  return [...names].flatMap((t) => [`${context.baseUrl}/${t}/oauth2/v2.0/token`, `https://login.microsoftonline.com/${t}/oauth2/v2.0/token`]);
}

/** Client credentials: an app-only token for Microsoft Graph in one tenant where the app is consented. */
export async function clientCredentialsGrant(context: CloudContext, pathTenant: string, request: TokenRequest): Promise<Record<string, unknown>> {
  const tenant = requireTenant(context, pathTenant);
  const scope = required(request.params, "scope");
  if (!scope.endsWith("/.default") || scope.includes(" ")) {
    throw new AadError(
      "invalid_scope",
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  }
  if (!isGraphScope(context, scope)) {
    throw new AadError(
      "invalid_resource",
      500011,
      `The resource principal named ${scope.slice(0, -"/.default".length)} was not found in the tenant named ${tenant.tenant.displayName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
    );
  }
  const registration = context.state.application(request.clientId);
  const sp = tenant.servicePrincipalByAppId(request.clientId);
  if (!registration || !sp || sp.deletedDateTime) {
    throw new AadError(
      "unauthorized_client",
      700016,
      `Application with identifier '${request.clientId}' was not found in the directory '${tenant.tenant.displayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    );
  }
  const credentialKind = await authenticateClient(registration.app, request.credential, tokenEndpointAudiences(context, pathTenant, tenant), context.now());
  if (!sp.accountEnabled) {
    throw new AadError("unauthorized_client", 7000112, `Application '${request.clientId}'(${sp.displayName}) is disabled.`);
  }
  return {
    token_type: "Bearer",
    expires_in: accessTokenLifetimeSeconds,
    ext_expires_in: accessTokenLifetimeSeconds,
    access_token: await issueAppToken(context, tenant, sp, credentialKind),
  };
}
