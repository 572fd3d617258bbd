import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { getCACertificates, setDefaultCACertificates } from "node:tls";
import { fileURLToPath } from "node:url";

export interface ReadyLine {
  readonly event: "ready";
  readonly url: string;
  readonly caCertPath: string;
  readonly controlUrl: string;
  readonly app?: { readonly appId: string; readonly clientSecret: string; readonly homeTenantId: string };
  readonly tenants?: readonly { readonly id: string; readonly domain: string; readonly displayName: string; readonly consent: string }[];
}

export interface LocalCloud {
  readonly ready: ReadyLine;
  readonly url: string;
  readonly caPem: string;
  readonly child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const cli = fileURLToPath(new URL("../../bin/tenantry.js", import.meta.url));

/** Runs `tenantry cloud` as a separate process, as a user would, and waits for its ready line. */
export async function startLocalCloud(args: readonly string[] = ["--seed", "demo"]): Promise<LocalCloud> {
  const child = spawn(process.execPath, [cli, "cloud", "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<ReadyLine>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`tenantry cloud exited with ${code} before it was ready: ${stderr}`)));
    lines.once("line", (line) => resolve(JSON.parse(line) as ReadyLine));
  });
  const caPem = await readFile(ready.caCertPath, "utf8");
  trustCertificateAuthority(caPem);
  return {
    ready,
    url: ready.url,
    caPem,
    child,
    stop: (signal = "SIGTERM") =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once("exit", (code) => resolve(code));
        child.kill(signal);
      }),
  };
}

/** Makes every TLS client of this process (https, fetch, MSAL) trust the local cloud's CA. */
export function trustCertificateAuthority(caPem: string): void {
  const current = getCACertificates("default");
  if (!current.includes(caPem)) setDefaultCACertificates([...current, caPem]);
}
