import type { Pool } from "pg";
import type { AppCredential, PlatformApp } from "../graph/app-credential.ts";
import { certificateThumbprintSha256 } from "../graph/app-token-provider.ts";
import type { CloudConfig } from "../graph/microsoft-clouds.ts";
import type { SecretBox } from "../secrets/secret-box.ts";

export interface StoredPlatformApp extends PlatformApp {
  readonly cloud: CloudConfig;
}

/** What may be shown about the app: everything but the secret or private key. */
export interface PlatformAppSummary {
  readonly clientId: string;
  readonly homeTenant: string;
  readonly cloud: { readonly kind: CloudConfig["kind"]; readonly url?: string };
  readonly credentialKind: AppCredential["kind"];
  readonly certificateThumbprint: string | null;
  readonly updatedAt: string;
}

interface Row {
  client_id: string;
  home_tenant: string;
  cloud: CloudConfig;
  credential_kind: "secret" | "certificate";
  credential_encrypted: Buffer;
  certificate_thumbprint: string | null;
  updated_at: Date;
}

/** The platform's multi-tenant application; its credential is sealed at rest and never leaves this module in clear except to MSAL. */
export function createPlatformAppStore(deps: { pool: Pick<Pool, "query">; secrets: SecretBox }) {
  const read = async (): Promise<Row | undefined> => (await deps.pool.query<Row>("SELECT * FROM platform_app WHERE singleton")).rows[0];

  return {
    async get(): Promise<StoredPlatformApp | undefined> {
      const row = await read();
      if (!row) return undefined;
      const credential = JSON.parse(deps.secrets.open(row.credential_encrypted).toString("utf8")) as AppCredential;
      return { clientId: row.client_id, homeTenantId: row.home_tenant, cloud: row.cloud, credential };
    },

    async summary(): Promise<PlatformAppSummary | undefined> {
      const row = await read();
      if (!row) return undefined;
      return {
        clientId: row.client_id,
        homeTenant: row.home_tenant,
        cloud: row.cloud.kind === "local" ? { kind: "local", url: row.cloud.url } : { kind: row.cloud.kind },
        credentialKind: row.credential_kind,
        certificateThumbprint: row.certificate_thumbprint,
        updatedAt: row.updated_at.toISOString(),
      };
    },

    /** The local cloud listens on a new port at each start; the app keeps its credential. */
    async moveLocalCloud(cloud: CloudConfig): Promise<void> {
      await deps.pool.query("UPDATE platform_app SET cloud = $1 WHERE singleton AND cloud->>'kind' = 'local'", [JSON.stringify(cloud)]);
    },

    async set(app: StoredPlatformApp): Promise<void> {
      const sealed = deps.secrets.seal(JSON.stringify(app.credential));
      const thumbprint = app.credential.kind === "certificate" ? certificateThumbprintSha256(app.credential.certificatePem) : null;
      await deps.pool.query(
        `INSERT INTO platform_app (singleton, client_id, home_tenant, cloud, credential_kind, credential_encrypted, certificate_thumbprint)
         VALUES (true, $1, $2, $3, $4, $5, $6)
         ON CONFLICT (singleton) DO UPDATE SET client_id = $1, home_tenant = $2, cloud = $3, credential_kind = $4,
           credential_encrypted = $5, certificate_thumbprint = $6`,
        [app.clientId, app.homeTenantId, JSON.stringify(app.cloud), app.credential.kind, sealed, thumbprint],
      );
    },
  };
}

export type PlatformAppStore = ReturnType<typeof createPlatformAppStore>;
