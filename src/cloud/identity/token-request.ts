import type { CloudRequest } from "../http/cloud-request.ts";
import { header } from "../http/cloud-request.ts";
import { AadError } from "./aad-error.ts";
import type { ClientCredentialInput } from "./client-authentication.ts";

/** The token request's form, with the client credential from the body or from HTTP Basic authentication. */
export interface TokenRequest {
  readonly params: URLSearchParams;
  readonly clientId: string;
  readonly credential: ClientCredentialInput;
  readonly hasCredential: boolean;
}

export function required(params: URLSearchParams, name: string): string {
  const value = params.get(name);
  if (!value) throw new AadError("invalid_request", 900144, `The request body must contain the following parameter: '${name}'.`);
  return value;
}

function basicCredentials(request: CloudRequest): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(.+)$/i.exec(header(request, "authorization") ?? "");
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) throw new AadError("invalid_client", 7000216, "The Authorization header is not valid Basic authentication.", 401);
  return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
}

export function readTokenRequest(request: CloudRequest): TokenRequest {
  const params = new URLSearchParams(request.rawBody);
  const basic = basicCredentials(request);
  const clientId = basic?.id ?? required(params, "client_id");
  const credential: ClientCredentialInput = {
    clientSecret: basic?.secret ?? params.get("client_secret") ?? undefined,
    clientAssertionType: params.get("client_assertion_type") ?? undefined,
    clientAssertion: params.get("client_assertion") ?? undefined,
  };
  return { params, clientId, credential, hasCredential: credential.clientSecret !== undefined || credential.clientAssertion !== undefined };
}
