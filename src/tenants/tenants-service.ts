import { randomBytes } from "node:crypto";
import type { Pool } from "pg";
import { AppTokenProvider } from "../graph/app-token-provider.ts";
import { cloudEndpoints } from "../graph/microsoft-clouds.ts";
import { type ConsentHealth, consentHealth, consentHealthWithoutToken } from "./consent-health.ts";
import { adminConsentUrl } from "./consent-url.ts";
import type { ConnectionsStore, TenantConnection } from "./connections-store.ts";
import type { PlatformAppStore, StoredPlatformApp } from "./platform-app-store.ts";
import { classifyTokenFailure } from "./token-failure.ts";

export class TenantsError extends Error {
  readonly status: number;
  readonly fix: string;

  constructor(status: number, message: string, fix: string) {
    super(message);
    this.status = status;
    this.fix = fix;
  }
}

const appName = "Tenantry";
const consentLifetimeMs = 60 * 60 * 1000;

interface Organization {
  readonly displayName: string | null;
  readonly verifiedDomains: { name: string; isDefault: boolean }[];
}

/** Connecting tenants, admin consent round trips, and consent health checks. */
export function createTenantsService(deps: {
  pool: Pick<Pool, "query">;
  app: PlatformAppStore;
  connections: ConnectionsStore;
  /** Where the identity platform sends administrators back after consent (known once the server listens). */
  consentRedirectUri: () => string;
}) {
  let provider: { app: StoredPlatformApp; tokens: AppTokenProvider } | undefined;

  async function platform(): Promise<{ app: StoredPlatformApp; tokens: AppTokenProvider }> {
    const app = await deps.app.get();
    if (!app) throw new TenantsError(409, "Tenantry's application is not set.", "Set it with `tenantry app set` (client id, home tenant, secret or certificate).");
    if (!provider || JSON.stringify(provider.app) !== JSON.stringify(app)) provider = { app, tokens: new AppTokenProvider(app, app.cloud) };
    return provider;
  }

  function consentUrlFor(app: StoredPlatformApp, tenant: string, state?: string): string {
    return adminConsentUrl(app.cloud, app.clientId, tenant, deps.consentRedirectUri(), state);
  }

  /** The tenant id behind a domain, from the tenant's public OpenID configuration (no token needed). */
  async function resolveTenantId(app: StoredPlatformApp, tenant: string): Promise<string> {
    const response = await fetch(`${cloudEndpoints(app.cloud).login}/${encodeURIComponent(tenant)}/v2.0/.well-known/openid-configuration`).catch((error: unknown) => {
      throw new TenantsError(502, `The identity platform could not be reached: ${error instanceof Error ? error.message : String(error)}`, "Check this machine's network access and the app's cloud setting.");
    });
    const body = (await response.json().catch(() => ({}))) as { issuer?: string };
    const id = /\/([0-9a-f-]{36})\//i.exec(body.issuer ?? "")?.[1];
    if (!response.ok || !id) {
      throw new TenantsError(404, `No tenant '${tenant}' exists in this cloud.`, "Check the tenant id or domain (for example contoso.onmicrosoft.com).");
    }
    return id.toLowerCase();
  }

  async function readOrganization(accessToken: string, app: StoredPlatformApp): Promise<Organization | undefined> {
    const response = await fetch(`${cloudEndpoints(app.cloud).graph}/v1.0/organization?$select=displayName,verifiedDomains`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    if (!response.ok) return undefined;
    return ((await response.json()) as { value: Organization[] }).value[0];
  }

  async function check(tenantId: string, tenantName: string): Promise<ConsentHealth> {
    const { app, tokens } = await platform();
    const consentUrl = consentUrlFor(app, tenantId);
    try {
      const token = await tokens.token(tenantId);
      return consentHealth(token, { tenantName, appName, consentUrl });
    } catch (error) {
      return consentHealthWithoutToken(classifyTokenFailure(error, { tenant: tenantName, consentUrl, appName }));
    }
  }

  /** Stores the connection and its health; a tenant that has not consented yet is kept, with the consent link as its fix. */
  async function connect(tenant: string, connectedVia: "consent" | "manual"): Promise<TenantConnection> {
    const { app, tokens } = await platform();
    const tenantId = await resolveTenantId(app, tenant);
    const token = await tokens.token(tenantId).catch(() => undefined);
    const organization = token ? await readOrganization(token.accessToken, app) : undefined;
    const domains = organization?.verifiedDomains.map((d) => d.name) ?? [];
    const defaultDomain = organization?.verifiedDomains.find((d) => d.isDefault)?.name ?? (tenant.includes(".") ? tenant.toLowerCase() : null);
    const connection = await deps.connections.upsert({ tenantId, displayName: organization?.displayName ?? null, defaultDomain, verifiedDomains: domains, connectedVia });
    const health = await check(tenantId, connection.displayName ?? connection.defaultDomain ?? tenantId);
    await deps.connections.recordCheck(tenantId, health);
    return (await deps.connections.find(tenantId))!;
  }

  async function requireConnection(tenant: string): Promise<TenantConnection> {
    const connection = await deps.connections.find(tenant);
    if (!connection) throw new TenantsError(404, `Tenant '${tenant}' is not connected.`, "Connect it with `tenantry tenants add <tenant id or domain>`.");
    return connection;
  }

  return {
    list: () => deps.connections.list(),
    get: requireConnection,
    connectManually: (tenant: string) => connect(tenant, "manual"),

    async check(tenant: string): Promise<TenantConnection> {
      const connection = await requireConnection(tenant);
      await deps.connections.recordCheck(connection.tenantId, await check(connection.tenantId, connection.displayName ?? connection.defaultDomain ?? connection.tenantId));
      return (await deps.connections.find(connection.tenantId))!;
    },

    async remove(tenant: string): Promise<void> {
      const connection = await requireConnection(tenant);
      await deps.connections.remove(connection.tenantId);
    },

    /** Starts an admin consent round trip: the link to send to the customer's administrator. */
    async startConsent(tenantHint: string | undefined, module: string): Promise<{ consentUrl: string; state: string; expiresAt: string }> {
      const { app } = await platform();
      const state = randomBytes(24).toString("base64url");
      const expiresAt = new Date(Date.now() + consentLifetimeMs);
      await deps.pool.query("INSERT INTO consent_requests (state, tenant_hint, module, expires_at) VALUES ($1, $2, $3, $4)", [state, tenantHint ?? null, module, expiresAt]);
      return { consentUrl: consentUrlFor(app, tenantHint ?? "organizations", state), state, expiresAt: expiresAt.toISOString() };
    },

    /** The identity platform's redirect after consent: checks the state, then connects the tenant. */
    async completeConsent(query: { state?: string; tenant?: string; admin_consent?: string; error?: string; error_description?: string }): Promise<TenantConnection> {
      const pending = await deps.pool.query<{ state: string }>("DELETE FROM consent_requests WHERE state = $1 AND expires_at > now() RETURNING state", [query.state ?? ""]);
      if (pending.rowCount === 0) {
        throw new TenantsError(400, "This consent link is unknown or has expired.", "Start the connection again to get a new consent link.");
      }
      if (query.error || query.admin_consent?.toLowerCase() !== "true" || !query.tenant) {
        throw new TenantsError(400, `Consent was not granted: ${query.error_description ?? query.error ?? "no consent in the answer"}.`, "Ask a Global Administrator or Privileged Role Administrator of the tenant to accept the consent request.");
      }
      return connect(query.tenant, "consent");
    },
  };
}

export type TenantsService = ReturnType<typeof createTenantsService>;
