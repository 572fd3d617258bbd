import type { CloudContext } from "../cloud-context.ts";
import type { CloudResponse } from "../http/cloud-request.ts";
import { multiTenantAliases, requireTenant } from "./resolve-tenant.ts";

/** `/{tenant}/v2.0/.well-known/openid-configuration`, shaped like Entra's. */
export function openIdConfiguration(context: CloudContext, pathTenant: string): CloudResponse {
  const isAlias = multiTenantAliases.has(pathTenant.toLowerCase());
  const tenantId = isAlias ? "{tenantid}" : requireTenant(context, pathTenant).id;
  const base = `${context.baseUrl}/${isAlias ? pathTenant.toLowerCase() : tenantId}`;
  const host = new URL(context.baseUrl).host;
  return {
    status: 200,
    body: {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ["query", "fragment", "form_post"],
      subject_types_supported: ["pairwise"],
      id_token_signing_alg_values_supported: ["RS256"],
      response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
      scopes_supported: ["openid", "profile", "email", "offline_access"],
      issuer: `${context.baseUrl}/${tenantId}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${context.baseUrl}/oidc/userinfo`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      claims_supported: ["sub", "iss", "aud", "exp", "iat", "auth_time", "acr", "nonce", "preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email"],
      code_challenge_methods_supported: ["plain", "S256"],
      tenant_region_scope: "EU",
      cloud_instance_name: host,
      cloud_graph_host_name: host,
      msgraph_host: host,
      rbac_url: context.baseUrl,
    },
  };
}

export function jsonWebKeySet(context: CloudContext): CloudResponse {
  return { status: 200, body: { keys: [context.keys.publicJwk] } };
}

/** `/common/discovery/instance`: MSAL asks it when the authority is not in its known list. */
export function instanceDiscovery(context: CloudContext): CloudResponse {
  const host = new URL(context.baseUrl).host;
  return {
    status: 200,
    body: {
      tenant_discovery_endpoint: `${context.baseUrl}/{tenant}/v2.0/.well-known/openid-configuration`,
      "api-version": "1.1",
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    },
  };
}
