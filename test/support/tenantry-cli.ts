import { spawn } from "node:child_process";
import { cli, type TenantryServer } from "./tenantry-server.ts";

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `bin/tenantry.js` as a user would, against a test's server, with the API token in the environment. */
export function runTenantryCli(server: Pick<TenantryServer, "url" | "token">, args: readonly string[], stdin = ""): Promise<CliResult> {
  const child = spawn(process.execPath, [cli, ...args, "--url", server.url], { env: { ...process.env, TENANTRY_TOKEN: server.token }, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdin.end(stdin);
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}
