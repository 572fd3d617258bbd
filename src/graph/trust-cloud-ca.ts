import { getCACertificates, setDefaultCACertificates } from "node:tls";
import type { CloudConfig } from "./microsoft-clouds.ts";

/**
 * The local cloud serves HTTPS with its own CA. Adding that CA to the process's trusted roots is the only
 * difference from talking to Microsoft: MSAL and fetch then work unchanged.
 */
export function trustCloud(cloud: CloudConfig): void {
  if (cloud.kind !== "local") return;
  const current = getCACertificates("default");
  if (!current.includes(cloud.caPem)) setDefaultCACertificates([...current, cloud.caPem]);
}
