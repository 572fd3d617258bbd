import type { FastifyRequest } from "fastify";
import type { ApiTokens } from "../access/api-tokens.ts";
import type { Principal } from "../access/principal.ts";

/** Finds the operator behind a request from its bearer token; undefined when there is none or it is not valid. */
export function createBearerAuthentication(tokens: Pick<ApiTokens, "verify">) {
  return async function principalOf(request: FastifyRequest): Promise<Principal | undefined> {
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
    const verified = token ? await tokens.verify(token) : undefined;
    if (!verified) return undefined;
    return { operatorId: verified.operatorId, name: verified.operatorName, groupIds: verified.groupIds, scopes: verified.scopes };
  };
}
