import { createHash, randomBytes } from "node:crypto";
import type { CloudContext } from "../cloud-context.ts";
import { graphAppId, graphResource } from "../cloud-context.ts";
import type { TenantDirectory } from "../directory/tenant-directory.ts";
import type { CloudRequest, CloudResponse } from "../http/cloud-request.ts";
import { AadError } from "./aad-error.ts";
import type { AuthorizationCodes } from "./authorization-codes.ts";
import { authenticateClient } from "./client-authentication.ts";
import { requireTenant } from "./resolve-tenant.ts";
import { accessTokenLifetimeSeconds, issueAppToken, issueIdToken, issueUserAccessToken } from "./token-issuer.ts";

function form(request: CloudRequest): URLSearchParams {
  return new URLSearchParams(request.rawBody);
}

function required(params: URLSearchParams, name: string): string {
  const value = params.get(name);
  if (!value) throw new AadError("invalid_request", 900144, `The request body must contain the following parameter: '${name}'.`);
  return value;
}

function graphResourceOf(context: CloudContext, scope: string): boolean {
  const resource = scope.slice(0, -"/.default".length).replace(/\/$/, "");
  return [graphResource, context.baseUrl, graphAppId].includes(resource);
}

function tokenEndpointAudiences(context: CloudContext, pathTenant: string, tenant: TenantDirectory): string[] {
  const forms = new Set([pathTenant, tenant.id, ...tenant.tenant.domains.map((d) => d.id)]);
  return [...forms].flatMap((t) => [`${context.baseUrl}/${t}/oauth2/v2.0/token`, `https://login.microsoftonline.com/${t}/oauth2/v2.0/token`]);
}

async function clientCredentials(context: CloudContext, pathTenant: string, params: URLSearchParams): Promise<CloudResponse> {
  const tenant = requireTenant(context, pathTenant);
  const clientId = required(params, "client_id");
  const scope = required(params, "scope");
  if (!scope.endsWith("/.default") || scope.includes(" ")) {
    throw new AadError(
      "invalid_scope",
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  }
  if (!graphResourceOf(context, scope)) {
    throw new AadError(
      "invalid_resource",
      500011,
      `The resource principal named ${scope.slice(0, -"/.default".length)} was not found in the tenant named ${tenant.tenant.displayName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
    );
  }
  const registration = context.state.application(clientId);
  const sp = tenant.servicePrincipalByAppId(clientId);
  if (!registration || !sp || sp.deletedDateTime) {
    throw new AadError(
      "unauthorized_client",
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant.tenant.displayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    );
  }
  const credentialKind = await authenticateClient(
    registration.app,
    {
      clientSecret: params.get("client_secret") ?? undefined,
      clientAssertionType: params.get("client_assertion_type") ?? undefined,
      clientAssertion: params.get("client_assertion") ?? undefined,
    },
    tokenEndpointAudiences(context, pathTenant, tenant),
    context.now(),
  );
  if (!sp.accountEnabled) {
    throw new AadError("unauthorized_client", 7000112, `Application '${clientId}'(${sp.displayName}) is disabled.`);
  }
  const accessToken = await issueAppToken(context, tenant, sp, credentialKind);
  return tokenResponse({ token_type: "Bearer", expires_in: accessTokenLifetimeSeconds, ext_expires_in: accessTokenLifetimeSeconds, access_token: accessToken });
}

function pkceMatches(verifier: string, challenge: string, method: string): boolean {
  if (method === "plain") return verifier === challenge;
  return createHash("sha256").update(verifier).digest("base64url") === challenge;
}

async function authorizationCode(context: CloudContext, codes: AuthorizationCodes, params: URLSearchParams): Promise<CloudResponse> {
  const clientId = required(params, "client_id");
  const grant = codes.redeem(required(params, "code"));
  if (!grant || grant.clientId !== clientId) {
    throw new AadError("invalid_grant", 70008, "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.");
  }
  if (grant.redirectUri !== params.get("redirect_uri")) {
    throw new AadError("invalid_grant", 500112, "The reply address does not match the reply address that was used to obtain the authorization code.");
  }
  if (grant.codeChallenge) {
    const verifier = params.get("code_verifier");
    if (!verifier || !pkceMatches(verifier, grant.codeChallenge, grant.codeChallengeMethod)) {
      throw new AadError("invalid_grant", 501481, "The Code_Verifier does not match the code_challenge supplied in the authorization request.");
    }
  }
  const registration = context.state.application(clientId);
  if (!registration) throw new AadError("unauthorized_client", 700016, `Application with identifier '${clientId}' was not found.`);
  if (params.has("client_secret") || params.has("client_assertion")) {
    await authenticateClient(
      registration.app,
      {
        clientSecret: params.get("client_secret") ?? undefined,
        clientAssertionType: params.get("client_assertion_type") ?? undefined,
        clientAssertion: params.get("client_assertion") ?? undefined,
      },
      [`${context.baseUrl}/${grant.tenantId}/oauth2/v2.0/token`, `${context.baseUrl}/organizations/oauth2/v2.0/token`, `${context.baseUrl}/common/oauth2/v2.0/token`],
      context.now(),
    );
  }
  const tenant = requireTenant(context, grant.tenantId);
  const user = tenant.user(grant.userId);
  if (!user || user.deletedDateTime || !user.accountEnabled) {
    throw new AadError("invalid_grant", 50057, "The user account is disabled.");
  }
  const delegated = grant.scopes.filter((s) => !["openid", "profile", "email", "offline_access"].includes(s));
  const body: Record<string, unknown> = {
    token_type: "Bearer",
    scope: grant.scopes.join(" "),
    expires_in: accessTokenLifetimeSeconds,
    ext_expires_in: accessTokenLifetimeSeconds,
    access_token: await issueUserAccessToken(context, tenant, user, clientId, registration.app.displayName, delegated.length ? delegated : ["User.Read"]),
    id_token: await issueIdToken(context, tenant, user, clientId, grant.nonce),
  };
  if (grant.scopes.includes("offline_access")) body.refresh_token = randomBytes(32).toString("base64url");
  return tokenResponse(body);
}

function tokenResponse(body: Record<string, unknown>): CloudResponse {
  return { status: 200, headers: { "Cache-Control": "no-store, no-cache", Pragma: "no-cache" }, body };
}

export function tokenEndpoint(context: CloudContext, codes: AuthorizationCodes) {
  return async (request: CloudRequest, pathTenant: string): Promise<CloudResponse> => {
    const params = form(request);
    const grantType = required(params, "grant_type");
    switch (grantType) {
      case "client_credentials":
        return clientCredentials(context, pathTenant, params);
      case "authorization_code":
        return authorizationCode(context, codes, params);
      default:
        throw new AadError("unsupported_grant_type", 70003, `The app requested an unsupported grant type '${grantType}'.`);
    }
  };
}
