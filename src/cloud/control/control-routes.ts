import { randomUUID } from "node:crypto";
import { z } from "zod";
import { RegistrationError, registerApplication } from "../apps/app-registrations.ts";
import { groupMembershipClaimsHint, groupMembershipClaimsKinds } from "../apps/group-membership-claims.ts";
import { assignDirectoryRole, grantConsent } from "../apps/consent.ts";
import { allApplicationPermissionNames } from "../authz/required-permissions.ts";
import type { CloudContext } from "../cloud-context.ts";
import { systemInitiator } from "../directory/audit-recorder.ts";
import type { ApplicationRecord } from "../directory/model.ts";
import type { CloudRequest, CloudResponse } from "../http/cloud-request.ts";
import { Router } from "../http/router.ts";
import { recipeFor } from "../seed/tenant-generator.ts";
import type { FaultInjector } from "../graph/faults/fault-injector.ts";
import type { Throttle } from "../graph/throttling/throttle.ts";

export interface ControlHooks {
  readonly throttle: Throttle;
  readonly faults: FaultInjector;
  /** Known client secrets of apps whose secret the cloud generated for a caller (demo and control API). */
  readonly secrets: ReadonlyMap<string, string>;
  rememberSecret(appId: string, secret: string): void;
  reset(seed: "demo" | "none"): Promise<void>;
  setTimeScale(scale: number): void;
  timeScale(): number;
}

const permissionNames = new Set(allApplicationPermissionNames());
const permission = z.string().max(128).refine((p) => permissionNames.has(p), { message: "is not a Microsoft Graph application permission" });
const domain = z.string().max(253).regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i, "must be a domain name such as contoso.onmicrosoft.com");
const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "must be a GUID");

const createTenant = z.strictObject({
  displayName: z.string().min(1).max(256),
  domain: domain.optional(),
  size: z.enum(["S", "M", "L"]).optional(),
  userCount: z.number().int().min(1).max(2_000_000).optional(),
  seed: z.number().int().min(0).max(2 ** 31).optional(),
  syncedShare: z.number().min(0).max(1).optional(),
  guests: z.number().int().min(0).optional(),
});

const groupMembershipClaims = z
  .string()
  .max(100)
  .refine((value) => groupMembershipClaimsKinds(value) !== undefined, { message: groupMembershipClaimsHint })
  .nullable();

const createApplication = z.strictObject({
  homeTenantId: z.string().min(1).max(253),
  displayName: z.string().min(1).max(120),
  requiredPermissions: z.array(permission).max(400),
  credential: z.union([z.literal("secret"), z.strictObject({ certificatePem: z.string().min(1).max(20_000) })]),
  redirectUris: z.array(z.url().max(256)).max(256).optional(),
  groupMembershipClaims: groupMembershipClaims.optional(),
});

const createConsent = z.strictObject({
  appId: guid,
  permissions: z.array(permission).max(400).optional(),
  servicePrincipalRoles: z.array(z.string().min(1).max(128)).max(50).optional(),
});

const servicePrincipalPatch = z.strictObject({ accountEnabled: z.boolean() });
const applicationPatch = z
  .strictObject({ redirectUris: z.array(z.url().max(256)).max(256).optional(), groupMembershipClaims: groupMembershipClaims.optional() })
  .refine((patch) => patch.redirectUris !== undefined || patch.groupMembershipClaims !== undefined, { message: "give redirectUris, groupMembershipClaims or both" });

const quota = z.strictObject({ limit: z.number().int().min(1).max(10_000_000), windowSeconds: z.number().min(0.001).max(86_400) });
const throttling = z.strictObject({
  enabled: z.boolean().optional(),
  resourceUnits: z.strictObject({ S: quota.optional(), M: quota.optional(), L: quota.optional(), perApplication: quota.optional() }).optional(),
  writes: z.strictObject({ perApplicationTenant: quota.optional(), perApplication: quota.optional(), perTenant: quota.optional() }).optional(),
  tenantSizes: z.strictObject({ smallBelow: z.number().int().min(0), largeAbove: z.number().int().min(0) }).optional(),
});
const settings = z.strictObject({ timeScale: z.number().min(0.001).max(100_000).optional(), throttling: throttling.optional(), resetUsage: z.boolean().optional() });
const fault = z.strictObject({
  tenantId: z.string().max(253).optional(),
  rate: z.number().min(0).max(1).default(0),
  statuses: z.array(z.union([z.literal(429), z.literal(500), z.literal(503), z.literal(504)])).min(1).max(4).default([503]),
  dropRate: z.number().min(0).max(1).default(0),
  methods: z.array(z.enum(["GET", "POST", "PATCH", "PUT", "DELETE"])).min(1).max(5).optional(),
  latencyMs: z.number().int().min(0).max(60_000).default(0),
  responseLatencyMs: z.number().int().min(0).max(60_000).default(0),
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
}).refine((f) => f.rate + f.dropRate <= 1, { message: "rate and dropRate together must not exceed 1", path: ["rate"] });
const reset = z.strictObject({ seed: z.enum(["demo", "none"]).optional() });

function applicationJson(app: ApplicationRecord) {
  return { appId: app.appId, redirectUris: app.redirectUris, groupMembershipClaims: app.groupMembershipClaims ?? null };
}

class ControlError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

function parse<T>(schema: z.ZodType<T>, request: CloudRequest): T {
  let body: unknown = {};
  if (request.rawBody.trim() !== "") {
    // JSON only: a browser cannot send that cross-site without a preflight, which the control API never answers.
    if (!(request.headers["content-type"] ?? "").toLowerCase().startsWith("application/json")) {
      throw new ControlError(415, "The control API takes JSON bodies (Content-Type: application/json).");
    }
    try {
      body = JSON.parse(request.rawBody);
    } catch {
      throw new ControlError(400, "The request body is not valid JSON.");
    }
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.join(".") || "body";
    throw new ControlError(400, `${field}: ${issue.message}`);
  }
  return result.data;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "").slice(0, 27) || "tenant";
}

function isLoopback(address: string): boolean {
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}

type ControlHandler = (request: CloudRequest, params: Readonly<Record<string, string>>) => CloudResponse | Promise<CloudResponse>;

/** `/_cloud/...`: create tenants, register and consent apps, reset and set the clock, for tests and demos. */
export function controlHandler(context: CloudContext, hooks: ControlHooks): (request: CloudRequest) => Promise<CloudResponse> {
  const tenantsJson = () =>
    [...context.state.tenants.values()].map((t) => ({
      id: t.id,
      displayName: t.tenant.displayName,
      defaultDomain: t.tenant.domains.find((d) => d.isDefault)?.id,
      domains: t.tenant.domains.map((d) => d.id),
      userCount: t.userIds.size,
    }));
  const applicationsJson = () =>
    [...context.state.tenants.values()].flatMap((home) =>
      [...home.applicationIds.from(undefined)].flatMap((id) => {
        const app = home.objects.get(id);
        if (app?.kind !== "application") return [];
        const secret = hooks.secrets.get(app.appId);
        return [{ ...applicationJson(app), displayName: app.displayName, homeTenantId: home.id, requiredPermissions: app.requiredPermissions, ...(secret ? { clientSecret: secret } : {}) }];
      }),
    );

  const settingsJson = () => ({ timeScale: hooks.timeScale(), now: context.now().toISOString(), throttling: hooks.throttle.limits });
  const router = new Router<ControlHandler>()
    .add("GET", "/_cloud/tenants", () => ({ status: 200, body: { value: tenantsJson() } }))
    .add("POST", "/_cloud/tenants", (request) => {
      const input = parse(createTenant, request);
      const domainName = (input.domain ?? `${slug(input.displayName)}.onmicrosoft.com`).toLowerCase();
      if (context.state.tenant(domainName)) throw new ControlError(409, `domain: '${domainName}' is already used by a tenant of this cloud.`);
      const recipe = recipeFor({ ...input, domain: domainName });
      context.state.apply({ op: "tenant.generate", recipe });
      return { status: 201, body: { id: recipe.tenantId, defaultDomain: domainName, userCount: recipe.userCount } };
    })
    .add("GET", "/_cloud/applications", () => ({ status: 200, body: { value: applicationsJson() } }))
    .add("POST", "/_cloud/applications", (request) => {
      const input = parse(createApplication, request);
      const { app, clientSecret } = registerApplication(context, input);
      if (clientSecret) hooks.rememberSecret(app.appId, clientSecret);
      const home = context.state.tenant(input.homeTenantId)!;
      grantConsent(context, home, app, [], systemInitiator);
      return { status: 201, body: { appId: app.appId, objectId: app.id, ...(clientSecret ? { clientSecret } : {}) } };
    })
    .add("PATCH", "/_cloud/applications/{appId}", (request, params) => {
      const input = parse(applicationPatch, request);
      const registration = context.state.application(params.appId!);
      if (!registration) throw new ControlError(404, `appId: '${params.appId}' is not a registered application.`);
      const app = {
        ...registration.app,
        ...(input.redirectUris ? { redirectUris: input.redirectUris } : {}),
        ...(input.groupMembershipClaims !== undefined ? { groupMembershipClaims: input.groupMembershipClaims } : {}),
      };
      context.state.apply({ op: "object.put", tenantId: registration.home.id, record: app });
      return { status: 200, body: applicationJson(app) };
    })
    .add("POST", "/_cloud/tenants/{tenantId}/consents", (request, params) => {
      const input = parse(createConsent, request);
      const tenant = context.state.tenant(params.tenantId!);
      if (!tenant) throw new ControlError(404, `tenantId: '${params.tenantId}' is not a tenant of this cloud.`);
      const registration = context.state.application(input.appId);
      if (!registration) throw new ControlError(404, `appId: '${input.appId}' is not a registered application.`);
      const requested = input.permissions ?? registration.app.requiredPermissions;
      const notRequested = requested.filter((p) => !registration.app.requiredPermissions.includes(p));
      if (notRequested.length > 0) throw new ControlError(400, `permissions: the application does not request ${notRequested.join(", ")}.`);
      const sp = grantConsent(context, tenant, registration.app, requested, systemInitiator);
      for (const role of input.servicePrincipalRoles ?? []) assignDirectoryRole(context, tenant, sp.id, role, systemInitiator);
      return { status: 201, body: { servicePrincipalId: sp.id } };
    })
    .add("PATCH", "/_cloud/tenants/{tenantId}/servicePrincipals/{appId}", (request, params) => {
      const input = parse(servicePrincipalPatch, request);
      const tenant = context.state.tenant(params.tenantId!);
      const sp = tenant?.servicePrincipalByAppId(params.appId!);
      if (!tenant || !sp) throw new ControlError(404, `appId: no service principal of '${params.appId}' in tenant '${params.tenantId}'.`);
      context.state.apply({ op: "object.put", tenantId: tenant.id, record: { ...sp, accountEnabled: input.accountEnabled } });
      return { status: 200, body: { servicePrincipalId: sp.id, accountEnabled: input.accountEnabled } };
    })
    .add("GET", "/_cloud/settings", () => ({ status: 200, body: settingsJson() }))
    .add("PATCH", "/_cloud/settings", (request) => {
      const input = parse(settings, request);
      if (input.timeScale !== undefined) hooks.setTimeScale(input.timeScale);
      if (input.throttling) hooks.throttle.setLimits(input.throttling);
      if (input.resetUsage) hooks.throttle.reset();
      return { status: 200, body: settingsJson() };
    })
    .add("GET", "/_cloud/faults", () => ({ status: 200, body: { value: hooks.faults.rules } }))
    .add("POST", "/_cloud/faults", (request) => {
      const input = parse(fault, request);
      if (input.tenantId !== undefined) {
        const tenant = context.state.tenant(input.tenantId);
        if (!tenant) throw new ControlError(404, `tenantId: '${input.tenantId}' is not a tenant of this cloud.`);
        input.tenantId = tenant.id;
      }
      const rule = { ...input, id: randomUUID() };
      hooks.faults.add(rule);
      return { status: 201, body: rule };
    })
    .add("DELETE", "/_cloud/faults", () => {
      hooks.faults.clear();
      return { status: 204 };
    })
    .add("POST", "/_cloud/reset", async (request) => {
      const input = parse(reset, request);
      await hooks.reset(input.seed ?? "none");
      return { status: 200, body: { value: tenantsJson() } };
    });

  return async (request) => {
    if (!isLoopback(request.remoteAddress)) return { status: 403, body: { error: { code: "Forbidden", message: "The control API answers only on loopback." } } };
    const match = router.match(request.method, request.segments);
    if (match === undefined) return { status: 404, body: { error: { code: "NotFound", message: `No control route ${request.method} ${request.url.pathname}.` } } };
    if (match === "method-not-allowed") return { status: 405, body: { error: { code: "MethodNotAllowed", message: `${request.method} is not allowed on ${request.url.pathname}.` } } };
    try {
      return await match.handler(request, match.params);
    } catch (error) {
      if (error instanceof ControlError) return { status: error.status, body: { error: { code: error.status === 404 ? "NotFound" : "BadRequest", message: error.message } } };
      if (error instanceof RegistrationError) return { status: 400, body: { error: { code: "BadRequest", message: error.message } } };
      throw error;
    }
  };
}
