import { createHash, createPublicKey, timingSafeEqual } from "node:crypto";
import { decodeProtectedHeader, jwtVerify } from "jose";
import type { ApplicationRecord, KeyCredential } from "../directory/model.ts";
import { AadError } from "./aad-error.ts";

export const jwtBearerAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("base64");
}

export interface ClientCredentialInput {
  readonly clientSecret?: string;
  readonly clientAssertionType?: string;
  readonly clientAssertion?: string;
}

/** Checks the client's secret or signed assertion against the app registration; returns which kind was used. */
export async function authenticateClient(
  app: ApplicationRecord,
  input: ClientCredentialInput,
  acceptedAudiences: readonly string[],
  now: Date,
): Promise<"secret" | "certificate"> {
  if (input.clientSecret !== undefined) {
    checkSecret(app, input.clientSecret, now);
    return "secret";
  }
  if (input.clientAssertion !== undefined) {
    if (input.clientAssertionType !== jwtBearerAssertionType) {
      throw new AadError("invalid_request", 7000216, `'client_assertion_type' must be '${jwtBearerAssertionType}' when a client assertion is sent.`);
    }
    await checkAssertion(app, input.clientAssertion, acceptedAudiences, now);
    return "certificate";
  }
  throw new AadError("invalid_client", 7000216, "'client_assertion', 'client_secret' or 'request' is required for this grant type.", 401);
}

function checkSecret(app: ApplicationRecord, secret: string, now: Date): void {
  const candidate = Buffer.from(hashSecret(secret));
  const match = app.passwordCredentials.find((c) => {
    const stored = Buffer.from(c.secretHash);
    return stored.length === candidate.length && timingSafeEqual(stored, candidate);
  });
  if (!match) {
    throw new AadError(
      "invalid_client",
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.appId}'.`,
      401,
    );
  }
  if (new Date(match.endDateTime) <= now) {
    throw new AadError("invalid_client", 7000222, `The provided client secret keys for app '${app.appId}' are expired.`, 401);
  }
}

function findKey(app: ApplicationRecord, header: Record<string, unknown>): KeyCredential | undefined {
  const sha256 = typeof header["x5t#S256"] === "string" ? header["x5t#S256"] : undefined;
  const sha1 = typeof header.x5t === "string" ? header.x5t : undefined;
  return app.keyCredentials.find(
    (k) =>
      (sha256 !== undefined && Buffer.from(sha256, "base64url").toString("base64") === k.thumbprintSha256) ||
      (sha1 !== undefined && Buffer.from(sha1, "base64url").toString("base64") === k.thumbprintSha1),
  );
}

async function checkAssertion(app: ApplicationRecord, assertion: string, audiences: readonly string[], now: Date): Promise<void> {
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(assertion);
  } catch {
    throw new AadError("invalid_client", 50027, "JWT token is invalid or malformed.", 401);
  }
  const key = findKey(app, header);
  if (!key) {
    const thumb = String(header["x5t#S256"] ?? header.x5t ?? "");
    throw new AadError(
      "invalid_client",
      700027,
      `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${thumb}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${app.appId}'.]`,
      401,
    );
  }
  if (new Date(key.endDateTime) <= now) {
    throw new AadError("invalid_client", 700027, "Client assertion contains an invalid signature. [Reason - The key used is expired.]", 401);
  }
  try {
    await jwtVerify(assertion, createPublicKey(key.certificatePem), { audience: [...audiences], issuer: app.appId, subject: app.appId, clockTolerance: 300, currentDate: now });
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : "";
    const claim = error instanceof Error && "claim" in error ? String(error.claim) : "";
    if (code === "ERR_JWT_EXPIRED" || (code === "ERR_JWT_CLAIM_VALIDATION_FAILED" && (claim === "nbf" || claim === "iat"))) {
      throw new AadError("invalid_client", 700024, "Client assertion is not within its valid time range.", 401);
    }
    const reason = error instanceof Error ? error.message : "invalid";
    throw new AadError("invalid_client", 700027, `Client assertion failed signature validation. [Reason - ${reason}]`, 401);
  }
}

export function certificateThumbprints(certificatePem: string): { sha1: string; sha256: string } {
  const der = Buffer.from(
    certificatePem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, "").replace(/\s+/g, ""),
    "base64",
  );
  return {
    sha1: createHash("sha1").update(der).digest("base64"),
    sha256: createHash("sha256").update(der).digest("base64"),
  };
}
