import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { adminTokenFileName } from "../server/platform.ts";

export interface ApiClientOptions {
  readonly url: string;
  readonly dataDir: string;
}

export class ApiError extends Error {}

async function token(options: ApiClientOptions): Promise<string> {
  if (process.env.TENANTRY_TOKEN) return process.env.TENANTRY_TOKEN;
  const path = join(options.dataDir, adminTokenFileName);
  const text = await readFile(path, "utf8").catch(() => undefined);
  if (!text) throw new ApiError(`No API token: set TENANTRY_TOKEN, or run this on the machine where \`tenantry serve\` wrote ${path}.`);
  return text.trim();
}

/** Calls Tenantry's API; an error answer becomes an ApiError with the server's message and fix. */
export async function callApi<T>(options: ApiClientOptions, method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${options.url.replace(/\/$/, "")}${path}`, {
      method,
      headers: { Authorization: `Bearer ${await token(options)}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(`Tenantry is not answering at ${options.url}: start it with \`tenantry serve\`, or pass --url.`);
  }
  if (response.status === 204) return undefined as T;
  const payload = (await response.json().catch(() => ({}))) as { error?: { message?: string; fix?: string } };
  if (!response.ok) throw new ApiError([payload.error?.message ?? `HTTP ${response.status}`, payload.error?.fix].filter(Boolean).join("\n"));
  return payload as T;
}
