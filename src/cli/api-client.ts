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

/** Calls Tenantry's API and returns the status and JSON body as they are, errors included. */
export async function sendApi(options: ApiClientOptions, method: string, path: string, body?: unknown, headers: Readonly<Record<string, string>> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  let response: Response;
  try {
    response = await fetch(`${options.url.replace(/\/$/, "")}${path}`, {
      method,
      headers: { Authorization: `Bearer ${await token(options)}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(`Tenantry is not answering at ${options.url}: start it with \`tenantry serve\`, or pass --url.`);
  }
  if (response.status === 204) return { status: 204, body: {} };
  return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
}

/** The error of an answer, with the server's message and fix. */
export function apiErrorOf(status: number, body: Record<string, unknown>): ApiError {
  const error = body.error as { message?: string; fix?: string } | undefined;
  return new ApiError([error?.message ?? `HTTP ${status}`, error?.fix].filter(Boolean).join("\n"));
}

/** Calls Tenantry's API; an error answer becomes an ApiError with the server's message and fix. */
export async function callApi<T>(options: ApiClientOptions, method: string, path: string, body?: unknown): Promise<T> {
  const answer = await sendApi(options, method, path, body);
  if (answer.status === 204) return undefined as T;
  if (answer.status >= 400) throw apiErrorOf(answer.status, answer.body);
  return answer.body as T;
}
