import { randomBytes, randomUUID, X509Certificate } from "node:crypto";
import type { CloudContext } from "../cloud-context.ts";
import { recordDirectoryAudit, systemInitiator, target } from "../directory/audit-recorder.ts";
import type { ApplicationRecord, KeyCredential, PasswordCredential } from "../directory/model.ts";
import { certificateThumbprints, hashSecret } from "../identity/client-authentication.ts";

export interface RegisterApplicationInput {
  readonly homeTenantId: string;
  readonly displayName: string;
  readonly requiredPermissions: readonly string[];
  readonly credential: "secret" | { readonly certificatePem: string };
  readonly redirectUris?: readonly string[];
  readonly multiTenant?: boolean;
  readonly groupMembershipClaims?: string | null;
  /** Fixed identifiers for deterministic demo data; generated otherwise. */
  readonly appId?: string;
  readonly clientSecret?: string;
}

export class RegistrationError extends Error {}

const twoYearsMs = 2 * 365 * 24 * 60 * 60 * 1000;

/** Entra secrets look like `abc8Q~...`: 40 characters with a `~` at position 4. */
export function newClientSecret(): string {
  const body = randomBytes(30).toString("base64url").replace(/[-_]/g, "x");
  return `${body.slice(0, 3)}8Q~${body.slice(0, 36)}`.slice(0, 40);
}

export function secretCredential(secret: string, now: Date): PasswordCredential {
  return {
    keyId: randomUUID(),
    displayName: "Tenantry",
    hint: secret.slice(0, 3),
    secretHash: hashSecret(secret),
    startDateTime: now.toISOString(),
    endDateTime: new Date(now.getTime() + twoYearsMs).toISOString(),
  };
}

export function certificateCredential(certificatePem: string, now: Date): KeyCredential {
  let thumbprints: { sha1: string; sha256: string };
  try {
    new X509Certificate(certificatePem);
    thumbprints = certificateThumbprints(certificatePem);
  } catch {
    throw new RegistrationError("credential.certificatePem is not a PEM-encoded X.509 certificate.");
  }
  return {
    keyId: randomUUID(),
    displayName: "Tenantry certificate",
    thumbprintSha1: thumbprints.sha1,
    thumbprintSha256: thumbprints.sha256,
    certificatePem,
    startDateTime: now.toISOString(),
    endDateTime: new Date(now.getTime() + twoYearsMs).toISOString(),
  };
}

export function registerApplication(context: CloudContext, input: RegisterApplicationInput): { app: ApplicationRecord; clientSecret?: string } {
  const home = context.state.tenant(input.homeTenantId);
  if (!home) throw new RegistrationError(`homeTenantId '${input.homeTenantId}' is not a tenant of this cloud.`);
  const now = context.now();
  const clientSecret = input.credential === "secret" ? (input.clientSecret ?? newClientSecret()) : undefined;
  const app: ApplicationRecord = {
    kind: "application",
    id: randomUUID(),
    appId: input.appId ?? randomUUID(),
    createdDateTime: now.toISOString(),
    deletedDateTime: null,
    displayName: input.displayName,
    signInAudience: input.multiTenant === false ? "AzureADMyOrg" : "AzureADMultipleOrgs",
    requiredPermissions: [...new Set(input.requiredPermissions)].sort(),
    redirectUris: [...(input.redirectUris ?? [])],
    groupMembershipClaims: input.groupMembershipClaims ?? null,
    passwordCredentials: clientSecret ? [secretCredential(clientSecret, now)] : [],
    keyCredentials: input.credential === "secret" ? [] : [certificateCredential(input.credential.certificatePem, now)],
  };
  context.state.apply({ op: "object.put", tenantId: home.id, record: app });
  recordDirectoryAudit(context, home, {
    activity: "Add application",
    category: "ApplicationManagement",
    operationType: "Add",
    initiatedBy: systemInitiator,
    targets: [target(app.id, "Application", app.displayName)],
  });
  return clientSecret ? { app, clientSecret } : { app };
}
