import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type CertificateWithKey, createCertificateAuthority, issueServerCertificate } from "./certificates.ts";

export interface CloudPki {
  readonly ca: CertificateWithKey;
  readonly server: CertificateWithKey;
  readonly caCertPath: string;
}

async function readPair(dir: string, name: string): Promise<CertificateWithKey | undefined> {
  try {
    const [certPem, keyPem] = await Promise.all([
      readFile(join(dir, `${name}.pem`), "utf8"),
      readFile(join(dir, `${name}-key.pem`), "utf8"),
    ]);
    return { certPem, keyPem };
  } catch {
    return undefined;
  }
}

async function writePair(dir: string, name: string, pair: CertificateWithKey): Promise<void> {
  await writeFile(join(dir, `${name}.pem`), pair.certPem, { mode: 0o644 });
  await writeFile(join(dir, `${name}-key.pem`), pair.keyPem, { mode: 0o600 });
}

/** The cloud's own CA and its localhost server certificate, kept in the data directory across restarts. */
export async function loadOrCreateCloudPki(dir: string): Promise<CloudPki> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  let ca = await readPair(dir, "ca");
  if (!ca) {
    ca = await createCertificateAuthority("Tenantry Local Cloud CA");
    await writePair(dir, "ca", ca);
  }
  let server = await readPair(dir, "server");
  if (!server) {
    server = await issueServerCertificate(ca, ["localhost", "127.0.0.1", "::1"]);
    await writePair(dir, "server", server);
  }
  return { ca, server, caCertPath: join(dir, "ca.pem") };
}
