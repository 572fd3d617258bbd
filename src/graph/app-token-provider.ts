import { X509Certificate } from "node:crypto";
import { ConfidentialClientApplication } from "@azure/msal-node";
import { decodeJwt } from "jose";
import type { PlatformApp } from "./app-credential.ts";
import { type CloudConfig, cloudEndpoints } from "./microsoft-clouds.ts";

export interface AppToken {
  readonly accessToken: string;
  readonly tenantId: string;
  /** Application permissions granted in the tenant. */
  readonly roles: readonly string[];
  /** Directory role template ids held by the app's service principal in the tenant. */
  readonly wids: readonly string[];
  readonly expiresOn: Date;
}

/**
 * MSAL reports any failure to read a tenant's OpenID configuration as `endpoints_resolution_error`,
 * which hides whether the tenant does not exist or the identity platform is out of reach. Asking once
 * more tells the two apart.
 */
async function discoveryFailureCause(login: string, tenant: string): Promise<Error> {
  try {
    const response = await fetch(`${login}/${encodeURIComponent(tenant)}/v2.0/.well-known/openid-configuration`);
    const body = (await response.json().catch(() => ({}))) as { error_description?: string };
    return new Error(body.error_description ?? `The OpenID configuration of tenant ${tenant} answered ${response.status}.`);
  } catch (error) {
    return new Error(`network error: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`);
  }
}

export function certificateThumbprintSha256(certificatePem: string): string {
  return new X509Certificate(certificatePem).fingerprint256.replaceAll(":", "").toLowerCase();
}

/** App-only Graph tokens per tenant through MSAL, which caches and renews them. */
export class AppTokenProvider {
  readonly #app: PlatformApp;
  readonly #cloud: CloudConfig;
  readonly #clients = new Map<string, ConfidentialClientApplication>();

  constructor(app: PlatformApp, cloud: CloudConfig) {
    this.#app = app;
    this.#cloud = cloud;
  }

  #client(tenant: string): ConfidentialClientApplication {
    let client = this.#clients.get(tenant);
    if (client) return client;
    const endpoints = cloudEndpoints(this.#cloud);
    const credential = this.#app.credential;
    client = new ConfidentialClientApplication({
      auth: {
        clientId: this.#app.clientId,
        authority: `${endpoints.login}/${tenant}`,
        ...(this.#cloud.kind === "local" ? { knownAuthorities: [new URL(endpoints.login).host] } : {}),
        ...(credential.kind === "secret"
          ? { clientSecret: credential.clientSecret }
          : { clientCertificate: { thumbprintSha256: certificateThumbprintSha256(credential.certificatePem), privateKey: credential.privateKeyPem } }),
      },
    });
    this.#clients.set(tenant, client);
    return client;
  }

  async #explainDiscoveryFailure(error: unknown, tenant: string): Promise<unknown> {
    const code = error instanceof Error && "errorCode" in error ? String(error.errorCode) : "";
    if (code !== "endpoints_resolution_error") return error;
    this.#clients.delete(tenant);
    return discoveryFailureCause(cloudEndpoints(this.#cloud).login, tenant);
  }

  /** `fresh` skips MSAL's cache: a consent check must see what the tenant grants now, not what it granted an hour ago. */
  async token(tenant: string, options: { fresh?: boolean } = {}): Promise<AppToken> {
    const result = await this.#client(tenant)
      .acquireTokenByClientCredential({ scopes: [cloudEndpoints(this.#cloud).graphScope], skipCache: options.fresh === true })
      .catch(async (error: unknown) => {
        throw await this.#explainDiscoveryFailure(error, tenant);
      });
    if (!result) throw new Error(`The identity platform returned no token for tenant ${tenant}.`);
    const claims = decodeJwt(result.accessToken);
    return {
      accessToken: result.accessToken,
      tenantId: String(claims.tid ?? result.tenantId),
      roles: Array.isArray(claims.roles) ? claims.roles.map(String) : [],
      wids: Array.isArray(claims.wids) ? claims.wids.map(String) : [],
      expiresOn: result.expiresOn ?? new Date(Date.now() + 3_000_000),
    };
  }
}
