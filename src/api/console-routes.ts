// The web console (web/, built by Vite into web/dist): its assets, and its page for every path that is not the
// API's, so that a link to /users or /tenants/x/users/y opens the console there. The files hold no data: the
// console asks the API, which authenticates every request.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyReply } from "fastify";
import type { ZodApp } from "./zod-app.ts";

const dir = fileURLToPath(new URL("../../web/dist/", import.meta.url));

/** The console's routes: public, like its files on any web server. */
export const consoleRoutePaths = ["/", "/*", "/assets/*"] as const;

const contentSecurityPolicy = [
  "default-src 'self'",
  // Fluent UI writes its styles into the page at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

function securityHeaders(reply: FastifyReply): FastifyReply {
  return reply.header("Content-Security-Policy", contentSecurityPolicy).header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "same-origin");
}

export async function registerConsoleRoutes(app: ZodApp): Promise<void> {
  const built = existsSync(`${dir}index.html`);
  if (built) {
    await app.register(fastifyStatic, { root: `${dir}assets`, prefix: "/assets/", index: false, immutable: true, maxAge: "365d", decorateReply: true });
  }
  const page = async (request: { url: string; method: string }, reply: FastifyReply) => {
    if (request.url.startsWith("/api/") || request.url === "/api") {
      return reply.status(404).send({ error: { code: "not_found", message: `There is no ${request.method} ${request.url.split("?")[0]} in Tenantry's API.`, fix: "See /api/openapi.json for the API." } });
    }
    if (!built) {
      return securityHeaders(reply)
        .status(503)
        .type("text/html")
        .send("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Tenantry</title><h1>The console is not built</h1><p>Run <code>npm run build:web</code>, then reload this page. The API answers at /api.</p></html>");
    }
    return securityHeaders(reply).header("Cache-Control", "no-store").sendFile("index.html", dir);
  };
  app.get("/", { schema: { hide: true } }, page);
  app.get("/*", { schema: { hide: true } }, page);
}
