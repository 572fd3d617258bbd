import { z } from "zod";
import { tokenScopes } from "../access/principal.ts";

export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), fix: z.string().optional(), field: z.string().optional(), graphRequestId: z.string().optional() }),
});

export const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "must be a GUID");
const domain = z.string().max(253).regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i, "must be a domain such as contoso.onmicrosoft.com");
export const tenantKey = z.union([guid, domain]);

const missingRole = z.object({ roleTemplateId: z.string(), displayName: z.string() });
const featureHealth = z.object({ action: z.string(), title: z.string(), available: z.boolean(), missingPermissions: z.array(z.string()).readonly(), missingRoles: z.array(missingRole).readonly() });
const moduleHealth = z.object({
  module: z.string(),
  title: z.string(),
  state: z.enum(["ready", "degraded", "unavailable"]),
  features: z.array(featureHealth).readonly(),
  missingPermissions: z.array(z.string()).readonly(),
  missingRoles: z.array(missingRole).readonly(),
  fixes: z.array(z.string()).readonly(),
});
const tokenFailure = z.object({ kind: z.string(), aadsts: z.number().nullable(), message: z.string(), fix: z.string() });

export const tenantSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  displayName: z.string().nullable(),
  defaultDomain: z.string().nullable(),
  verifiedDomains: z.array(z.string()).readonly(),
  connectedVia: z.enum(["consent", "manual"]),
  createdAt: z.string(),
  lastCheckAt: z.string().nullable(),
  lastCheck: z.object({ tokenFailure: tokenFailure.nullable(), modules: z.array(moduleHealth).readonly() }).nullable(),
});

export const appSummarySchema = z.object({
  clientId: z.string(),
  homeTenant: z.string(),
  cloud: z.object({ kind: z.enum(["global", "usgov", "china", "local"]), url: z.string().optional() }),
  credentialKind: z.enum(["secret", "certificate"]),
  certificateThumbprint: z.string().nullable(),
  updatedAt: z.string(),
});

export const appInputSchema = z.strictObject({
  clientId: guid,
  homeTenant: tenantKey,
  cloud: z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.enum(["global", "usgov", "china"]) }),
    z.strictObject({ kind: z.literal("local"), url: z.url().max(256), caPem: z.string().min(1).max(20_000) }),
  ]),
  credential: z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("secret"), clientSecret: z.string().min(1).max(256) }),
    z.strictObject({ kind: z.literal("certificate"), certificatePem: z.string().min(1).max(20_000), privateKeyPem: z.string().min(1).max(20_000) }),
  ]),
});

/** An API token as its owner sees it: never the token itself. */
export const tokenSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.enum(tokenScopes)).readonly(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
