import type { FastifyRequest } from "fastify";
import type { AuditActor, AuditVia } from "../audit/audit-entry.ts";

const callers = new WeakMap<FastifyRequest, string>();

/** Remembers who the authentication hook found behind a request (for now, the API token's name). */
export function setCaller(request: FastifyRequest, name: string): void {
  callers.set(request, name);
}

/** The audit actor of a request: who, and through which door (the CLI and the console say so in a header). */
export function actorOf(request: FastifyRequest): AuditActor {
  const name = callers.get(request);
  if (!name) throw new Error("actorOf called on a request that was not authenticated.");
  const client = request.headers["x-tenantry-client"];
  const via: AuditVia = client === "cli" || client === "console" ? client : "api";
  return { name, via };
}
