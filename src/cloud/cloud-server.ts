import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CloudClock } from "./cloud-clock.ts";
import type { CloudContext } from "./cloud-context.ts";
import { controlHandler } from "./control/control-routes.ts";
import { type DemoAppOptions, type DemoCloud, seedDemo } from "./demo/demo-cloud.ts";
import { CloudState } from "./directory/cloud-state.ts";
import { graphDispatcher } from "./graph/graph-dispatcher.ts";
import { FaultInjector } from "./graph/faults/fault-injector.ts";
import { graphRoutes } from "./graph/graph-routes.ts";
import { Throttle } from "./graph/throttling/throttle.ts";
import type { CloudRequest, CloudResponse } from "./http/cloud-request.ts";
import { startHttpsServer } from "./http/https-server.ts";
import { identityHandler } from "./identity/identity-routes.ts";
import { loadOrCreateSigningKeys } from "./identity/signing-keys.ts";
import { ChangeLog } from "./persistence/change-log.ts";
import { loadOrCreateCloudPki } from "./pki/cloud-pki.ts";
import { generateTenant } from "./seed/tenant-generator.ts";

export interface CloudOptions {
  readonly port: number;
  readonly host?: string;
  /** Where state, keys and the CA live; without it the cloud keeps state in memory only. */
  readonly dataDir?: string;
  readonly seed: "demo" | "none";
  readonly timeScale?: number;
  /** Identity throttling with Microsoft's limits; on unless turned off. */
  readonly throttling?: boolean;
  /** What the demo's app asks for and is granted, when a platform runs the demo. */
  readonly demoApp?: DemoAppOptions;
}

export interface RunningCloud {
  readonly url: string;
  readonly port: number;
  readonly caCertPath: string;
  readonly caCertPem: string;
  readonly context: CloudContext;
  readonly demo: DemoCloud | undefined;
  close(): Promise<void>;
}

async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as T;
  } catch {
    return undefined;
  }
}

function notFound(request: CloudRequest): CloudResponse {
  return { status: 404, body: { error: { code: "NotFound", message: `Nothing is served at ${request.url.pathname}.` } } };
}

/** Starts the local Microsoft cloud: identity platform, Graph v1.0 and the control API on one HTTPS port. */
export async function startCloud(options: CloudOptions): Promise<RunningCloud> {
  const persistent = options.dataDir !== undefined;
  const dir = options.dataDir ?? (await mkdtemp(join(tmpdir(), "tenantry-cloud-")));
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const pki = await loadOrCreateCloudPki(join(dir, "pki"));
  const keys = await loadOrCreateSigningKeys(join(dir, "pki"));
  const clock = new CloudClock(options.timeScale ?? 1);
  const state = new CloudState(generateTenant);
  const context: CloudContext = { state, keys, baseUrl: "", now: () => clock.now() };
  const log = persistent ? new ChangeLog(join(dir, "changes.jsonl")) : undefined;
  const secretsPath = join(dir, "client-secrets.json");
  const secrets = new Map<string, string>(Object.entries((await readJson<Record<string, string>>(secretsPath)) ?? {}));
  const demoPath = join(dir, "demo.json");
  let demo: DemoCloud | undefined;

  const saveSecrets = () => writeFile(secretsPath, JSON.stringify(Object.fromEntries(secrets)), { mode: 0o600 });
  const seed = async (kind: "demo" | "none") => {
    state.clear();
    secrets.clear();
    await log?.rewrite([]);
    state.recordTo(log ? (op) => log.append(op) : undefined);
    demo = kind === "demo" ? seedDemo(context, options.demoApp) : undefined;
    if (demo) secrets.set(demo.appId, demo.clientSecret);
    if (persistent) {
      await writeFile(demoPath, JSON.stringify(demo ?? null), { mode: 0o600 });
      await saveSecrets();
      await log?.flush();
    }
  };

  if (log && existsSync(join(dir, "changes.jsonl"))) {
    for await (const op of ChangeLog.read(join(dir, "changes.jsonl"))) state.apply(op);
    state.recordTo((op) => log.append(op));
    const saved = await readJson<DemoCloud | null>(demoPath);
    // Demos saved before the partner tenant had technician groups have none.
    demo = saved ? { ...saved, partnerGroups: saved.partnerGroups ?? [] } : undefined;
  } else {
    await seed(options.seed);
  }

  const throttle = new Throttle(() => clock.nowMs(), () => clock.scale);
  if (options.throttling === false) throttle.setLimits({ enabled: false });
  const faults = new FaultInjector();
  const control = controlHandler(context, {
    throttle,
    faults,
    secrets,
    rememberSecret: (appId, secret) => {
      secrets.set(appId, secret);
      if (persistent) void saveSecrets();
    },
    reset: seed,
    setTimeScale: (scale) => clock.setScale(scale),
    timeScale: () => clock.scale,
  });
  const identity = identityHandler(context);
  const graph = graphDispatcher(context, graphRoutes(), [faults.gate, throttle.gate]);
  const server = await startHttpsServer(
    { certPem: pki.server.certPem, keyPem: pki.server.keyPem, port: options.port, host: options.host ?? "127.0.0.1" },
    async (request) => {
      const first = request.segments[0]?.toLowerCase();
      if (first === "_cloud") return control(request);
      if (first === "v1.0") return graph(request);
      return (await identity(request)) ?? notFound(request);
    },
  );
  context.baseUrl = `https://localhost:${server.port}`;

  return {
    url: context.baseUrl,
    port: server.port,
    caCertPath: pki.caCertPath,
    caCertPem: pki.ca.certPem,
    context,
    get demo() {
      return demo;
    },
    async close() {
      await server.close();
      await log?.close();
      if (!persistent) await rm(dir, { recursive: true, force: true });
    },
  };
}
