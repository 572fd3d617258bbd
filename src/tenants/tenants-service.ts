import { randomBytes } from "node:crypto";
import type { Pool } from "pg";
import { type AppToken, AppTokenProvider } from "../graph/app-token-provider.ts";
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

/** A tenant that is not connected, or that the operator may not see: the same answer, so that scope reveals nothing. */
export function tenantNotConnected(tenant: string): TenantsError {
  return new TenantsError(404, `Tenant '${tenant}' is not connected.`, "Connect it with `tenantry tenants add <tenant id or domain>`.");
}

export interface TenantAccess {
  readonly connection: TenantConnection;
  /** The tenant's display name, or its domain. */
  readonly tenantName: string;
  readonly appName: string;
  /** Where the tenant's administrator grants consent again. */
  readonly consentUrl: string;
  /** What the tenant's current token grants: application permissions and the service principal's directory roles. */
  readonly granted: { readonly roles: readonly string[]; readonly wids: readonly string[] };
  readonly graphUrl: string;
  readonly accessToken: () => Promise<string>;
}
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
    const app = await deps.app.get().catch((error: unknown) => {
      throw new TenantsError(409, `Tenantry's application credential cannot be opened: ${error instanceof Error ? error.message : String(error)}`, "Set the credential again with `tenantry app set` (the secret key changed or was lost).");
    });
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

  /** A fresh token, or why none could be had: a consent check must see what the tenant grants now. */
  async function freshToken(tenantId: string): Promise<{ token: AppToken } | { error: unknown }> {
    const { tokens } = await platform();
    return tokens.token(tenantId, { fresh: true }).then(
      (token) => ({ token }),
      (error: unknown) => ({ error }),
    );
  }

  async function healthOf(attempt: { token: AppToken } | { error: unknown }, tenantId: string, tenantName: string): Promise<ConsentHealth> {
    const { app } = await platform();
    const consentUrl = consentUrlFor(app, tenantId);
    if ("token" in attempt) return consentHealth(attempt.token, { tenantName, appName, consentUrl });
    return consentHealthWithoutToken(classifyTokenFailure(attempt.error, { tenant: tenantName, consentUrl, appName }));
  }

  async function check(tenantId: string, tenantName: string): Promise<ConsentHealth> {
    return healthOf(await freshToken(tenantId), tenantId, tenantName);
  }

  /** Stores the connection and its health; a tenant that has not consented yet is kept, with the consent link as its fix. */
  async function connect(tenant: string, connectedVia: "consent" | "manual"): Promise<TenantConnection> {
    const { app } = await platform();
    const tenantId = await resolveTenantId(app, tenant);
    const attempt = await freshToken(tenantId);
    const organization = "token" in attempt ? await readOrganization(attempt.token.accessToken, app) : undefined;
    const domains = organization?.verifiedDomains.map((d) => d.name) ?? [];
    const defaultDomain = organization?.verifiedDomains.find((d) => d.isDefault)?.name ?? (tenant.includes(".") ? tenant.toLowerCase() : null);
    const connection = await deps.connections.upsert({ tenantId, displayName: organization?.displayName ?? null, defaultDomain, verifiedDomains: domains, connectedVia });
    await deps.connections.recordCheck(tenantId, await healthOf(attempt, tenantId, connection.displayName ?? connection.defaultDomain ?? tenantId));
    return (await deps.connections.find(tenantId))!;
  }

  /** The connection; one the caller may not see (`visible` says no) is answered like one that is not connected. */
  async function requireConnection(tenant: string, visible?: (tenantId: string) => boolean): Promise<TenantConnection> {
    const connection = await deps.connections.find(tenant);
    if (!connection || (visible && !visible(connection.tenantId))) throw tenantNotConnected(tenant);
    return connection;
  }

  /**
   * What acting in a tenant needs: its connection, a token (MSAL's cached one), and Graph's address.
   * A tenant whose token cannot be had is refused with the reason and the fix.
   */
  async function access(tenant: string, visible?: (tenantId: string) => boolean): Promise<TenantAccess> {
    const connection = await requireConnection(tenant, visible);
    const { app, tokens } = await platform();
    const name = connection.displayName ?? connection.defaultDomain ?? connection.tenantId;
    const consentUrl = consentUrlFor(app, connection.tenantId);
    const token = await tokens.token(connection.tenantId).catch((error: unknown) => {
      const failure = classifyTokenFailure(error, { tenant: name, consentUrl, appName });
      throw new TenantsError(failure.kind === "unreachable" ? 502 : 403, failure.message, failure.fix);
    });
    return {
      connection,
      tenantName: name,
      appName,
      consentUrl,
      granted: { roles: token.roles, wids: token.wids },
      graphUrl: cloudEndpoints(app.cloud).graph,
      accessToken: async () => (await tokens.token(connection.tenantId)).accessToken,
    };
  }

  return {
    list: () => deps.connections.list(),
    get: requireConnection,
    access,
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

    /**
     * Starts an admin consent round trip: the link to send to the customer's administrator. Admin consent
     * grants every permission the app registration asks for, whatever module prompted it.
     */
    async startConsent(tenantHint: string | undefined, module: string): Promise<{ consentUrl: string; state: string; expiresAt: string }> {
      const { app } = await platform();
      const tenantId = tenantHint ? await resolveTenantId(app, tenantHint) : null;
      const state = randomBytes(24).toString("base64url");
      const expiresAt = new Date(Date.now() + consentLifetimeMs);
      await deps.pool.query("INSERT INTO consent_requests (state, tenant_hint, module, expires_at) VALUES ($1, $2, $3, $4)", [state, tenantId, module, expiresAt]);
      return { consentUrl: consentUrlFor(app, tenantId ?? "organizations", state), state, expiresAt: expiresAt.toISOString() };
    },

    /**
     * The identity platform's redirect after consent. A round trip Tenantry started must come back with
     * its one-time state, for the tenant it was started for; the consent link in a connected tenant's
     * health has no state, and only leads to a new check of that tenant. Either way the token, not the
     * redirect, decides what works.
     */
    async completeConsent(query: { state?: string; tenant?: string; admin_consent?: string; error?: string; error_description?: string }): Promise<TenantConnection> {
      if (query.error || query.admin_consent?.toLowerCase() !== "true" || !query.tenant) {
        if (query.state) await deps.pool.query("DELETE FROM consent_requests WHERE state = $1", [query.state]);
        throw new TenantsError(400, `Consent was not granted: ${query.error_description ?? query.error ?? "no consent in the answer"}.`, "Ask a Global Administrator or Privileged Role Administrator of the tenant to accept the consent request.");
      }
      if (!query.state) {
        const connected = await deps.connections.find(query.tenant);
        if (!connected) throw new TenantsError(400, "This consent answer does not belong to a connection Tenantry started.", "Start the connection from Tenantry to get a consent link.");
        return this.check(connected.tenantId);
      }
      const pending = await deps.pool.query<{ tenant_hint: string | null }>("DELETE FROM consent_requests WHERE state = $1 AND expires_at > now() RETURNING tenant_hint", [query.state]);
      const request = pending.rows[0];
      if (!request) throw new TenantsError(400, "This consent link is unknown or has expired.", "Start the connection again to get a new consent link.");
      if (request.tenant_hint && request.tenant_hint !== query.tenant.toLowerCase()) {
        throw new TenantsError(400, "The consent came back for another tenant than the one it was requested for.", "Start the connection again for the right tenant.");
      }
      return connect(query.tenant, "consent");
    },
  };
}

export type TenantsService = ReturnType<typeof createTenantsService>;
