import { type ChildProcess, spawn } from "node:child_process";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { trustCertificateAuthority } from "./local-cloud.ts";

export const cli = fileURLToPath(new URL("../../bin/tenantry.js", import.meta.url));

export interface ApiAnswer<T> {
  readonly status: number;
  readonly body: T;
}

export interface TenantryServer {
  readonly url: string;
  readonly dir: string;
  readonly token: string;
  /** The demo's local cloud (control API at `${cloudUrl}/_cloud`). */
  readonly cloudUrl: string;
  readonly child: ChildProcess;
  /** Everything serve printed. */
  output(): string;
  api<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiAnswer<T>>;
  /** Stops serve (SIGTERM by default); the data directory stays until `remove`. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  remove(): Promise<void>;
}

/** Runs `tenantry serve` with the local cloud's demo in a data directory of its own (a new one unless given). */
export async function startTenantry(options: { dir?: string } = {}): Promise<TenantryServer> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), "tenantry-test-")));
  await chmod(dir, 0o755);
  const child = spawn(process.execPath, [cli, "serve", "--port", "0", "--data-dir", dir], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const lines = createInterface({ input: child.stdout! });
  let cloudUrl = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`tenantry serve exited with ${code}: ${output}`)));
    let found: string | undefined;
    lines.on("line", (line) => {
      output += `${line}\n`;
      found ??= /^Tenantry is running at (\S+) /.exec(line)?.[1];
      const cloud = /local Microsoft cloud runs at (\S+) /.exec(line)?.[1];
      if (cloud) cloudUrl = cloud;
      if (found && cloudUrl) resolve(found);
    });
  });
  const caPem = await readFile(join(dir, "cloud", "pki", "ca.pem"), "utf8").catch(() => undefined);
  if (caPem) trustCertificateAuthority(caPem);
  const token = (await readFile(join(dir, "admin-token"), "utf8")).trim();
  return {
    url,
    dir,
    token,
    cloudUrl,
    child,
    output: () => output,
    async api<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
    stop: (signal = "SIGTERM") =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
