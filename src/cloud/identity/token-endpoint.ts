import type { CloudContext } from "../cloud-context.ts";
import type { CloudRequest, CloudResponse } from "../http/cloud-request.ts";
import { AadError } from "./aad-error.ts";
import type { AuthorizationCodes } from "./authorization-codes.ts";
import { clientCredentialsGrant } from "./client-credentials-grant.ts";
import { RefreshTokens } from "./refresh-tokens.ts";
import { readTokenRequest, required } from "./token-request.ts";
import { authorizationCodeGrant, refreshTokenGrant } from "./user-grants.ts";

/** `/{tenant}/oauth2/v2.0/token`: client credentials, authorization code and refresh token grants. */
export function tokenEndpoint(context: CloudContext, codes: AuthorizationCodes) {
  const refreshTokens = new RefreshTokens();
  return async (request: CloudRequest, pathTenant: string): Promise<CloudResponse> => {
    const token = readTokenRequest(request);
    const grantType = required(token.params, "grant_type");
    let body: Record<string, unknown>;
    switch (grantType) {
      case "client_credentials":
        body = await clientCredentialsGrant(context, pathTenant, token);
        break;
      case "authorization_code":
        body = await authorizationCodeGrant(context, codes, refreshTokens, token);
        break;
      case "refresh_token":
        body = await refreshTokenGrant(context, refreshTokens, token);
        break;
      default:
        throw new AadError("unsupported_grant_type", 70003, `The app requested an unsupported grant type '${grantType}'.`);
    }
    return { status: 200, headers: { "Cache-Control": "no-store, no-cache", Pragma: "no-cache" }, body };
  };
}
