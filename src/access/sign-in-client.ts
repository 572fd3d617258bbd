import { createHash } from "node:crypto";
import { ConfidentialClientApplication } from "@azure/msal-node";
import { certificateThumbprintSha256 } from "../graph/app-token-provider.ts";
import { cloudEndpoints } from "../graph/microsoft-clouds.ts";
import type { PlatformAppStore, StoredPlatformApp } from "../tenants/platform-app-store.ts";

export interface SignInClient {
  readonly app: StoredPlatformApp;
  /** MSAL for people signing in to the app's home tenant (the MSP's own tenant). */
  readonly msal: ConfidentialClientApplication;
}

function clientFor(app: StoredPlatformApp): ConfidentialClientApplication {
  const login = cloudEndpoints(app.cloud).login;
  const credential = app.credential;
  return new ConfidentialClientApplication({
    auth: {
      clientId: app.clientId,
      authority: `${login}/${app.homeTenantId}`,
      ...(app.cloud.kind === "local" ? { knownAuthorities: [new URL(login).host] } : {}),
      ...(credential.kind === "secret"
        ? { clientSecret: credential.clientSecret }
        : { clientCertificate: { thumbprintSha256: certificateThumbprintSha256(credential.certificatePem), privateKey: credential.privateKeyPem } }),
    },
  });
}

/** The MSAL client of Tenantry's application as now configured; made again when the application changes. */
export function createSignInClients(deps: { app: Pick<PlatformAppStore, "get"> }) {
  let current: { readonly key: string; readonly client: SignInClient } | undefined;
  return async function signInClient(): Promise<SignInClient | undefined> {
    const app = await deps.app.get();
    if (!app) return undefined;
    const key = createHash("sha256").update(JSON.stringify(app)).digest("base64url");
    if (current?.key !== key) current = { key, client: { app, msal: clientFor(app) } };
    return current.client;
  };
}

export type SignInClients = ReturnType<typeof createSignInClients>;
