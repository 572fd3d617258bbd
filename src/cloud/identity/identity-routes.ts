import type { CloudContext } from "../cloud-context.ts";
import type { CloudRequest, CloudResponse } from "../http/cloud-request.ts";
import { Router } from "../http/router.ts";
import { AadError, aadErrorResponse } from "./aad-error.ts";
import { adminConsentEndpoint } from "./admin-consent.ts";
import { authorizeEndpoint } from "./authorize.ts";
import { AuthorizationCodes } from "./authorization-codes.ts";
import { instanceDiscovery, jsonWebKeySet, openIdConfiguration } from "./discovery.ts";
import { tokenEndpoint } from "./token-endpoint.ts";

type IdentityHandler = (request: CloudRequest, tenant: string) => CloudResponse | Promise<CloudResponse>;

/** The identity platform's endpoints, addressed by tenant id, verified domain, or `organizations`/`common`. */
export function identityHandler(context: CloudContext): (request: CloudRequest) => Promise<CloudResponse | undefined> {
  const codes = new AuthorizationCodes();
  const token = tokenEndpoint(context, codes);
  const authorize = authorizeEndpoint(context, codes);
  const adminConsent = adminConsentEndpoint(context);
  const config: IdentityHandler = (_r, tenant) => openIdConfiguration(context, tenant);
  const keys: IdentityHandler = () => jsonWebKeySet(context);
  const router = new Router<IdentityHandler>()
    .add("GET", "/common/discovery/instance", () => instanceDiscovery(context))
    .add("GET", "/{tenant}/v2.0/.well-known/openid-configuration", config)
    .add("GET", "/{tenant}/.well-known/openid-configuration", config)
    .add("GET", "/{tenant}/discovery/v2.0/keys", keys)
    .add("GET", "/{tenant}/discovery/keys", keys)
    .add("POST", "/{tenant}/oauth2/v2.0/token", token)
    .add("GET", "/{tenant}/oauth2/v2.0/authorize", authorize)
    .add("POST", "/{tenant}/oauth2/v2.0/authorize", authorize)
    .add("GET", "/{tenant}/adminconsent", adminConsent)
    .add("POST", "/{tenant}/adminconsent", adminConsent)
    .add("GET", "/{tenant}/v2.0/adminconsent", adminConsent)
    .add("POST", "/{tenant}/v2.0/adminconsent", adminConsent);

  return async (request) => {
    const match = router.match(request.method, request.segments);
    if (match === undefined) return undefined;
    if (match === "method-not-allowed") {
      const allowed = request.method === "GET" ? "POST" : "GET";
      return aadErrorResponse(new AadError("invalid_request", 900561, `The endpoint only accepts ${allowed}, OPTIONS requests. Received a ${request.method} request.`), context.now());
    }
    try {
      return await match.handler(request, match.params.tenant ?? "common");
    } catch (error) {
      if (error instanceof AadError) return aadErrorResponse(error, context.now());
      throw error;
    }
  };
}
