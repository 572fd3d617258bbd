import type { ChangeOp, TenantRecipe } from "./change-ops.ts";
import type { ApplicationRecord } from "./model.ts";
import { TenantDirectory } from "./tenant-directory.ts";

export type TenantGenerator = (recipe: TenantRecipe) => Iterable<ChangeOp>;
export type ChangeSink = (op: ChangeOp) => void;

/** Every tenant of the local cloud. All changes go through `apply`, which also records them. */
export class CloudState {
  readonly tenants = new Map<string, TenantDirectory>();
  readonly #tenantByDomain = new Map<string, string>();
  readonly #appHome = new Map<string, string>();
  readonly #generate: TenantGenerator;
  #sink: ChangeSink | undefined;

  constructor(generate: TenantGenerator) {
    this.#generate = generate;
  }

  /** Where applied changes are recorded (the data directory's change log). */
  recordTo(sink: ChangeSink | undefined): void {
    this.#sink = sink;
  }

  apply(op: ChangeOp): void {
    if (op.op === "tenant.generate") {
      for (const generated of this.#generate(op.recipe)) this.#applyOne(generated);
      // What a generator made is the tenant's starting point; delta queries number only later changes.
      this.tenants.get(op.recipe.tenantId)?.journal.startTracking();
    } else {
      const isNewTenant = op.op === "tenant.put" && !this.tenants.has(op.tenant.id);
      this.#applyOne(op);
      if (isNewTenant) this.tenants.get(op.tenant.id)?.journal.startTracking();
    }
    this.#sink?.(op);
  }

  /** By tenant id or by any of its domains, as the identity platform and Graph address tenants. */
  tenant(idOrDomain: string): TenantDirectory | undefined {
    const key = idOrDomain.toLowerCase();
    return this.tenants.get(key) ?? this.tenants.get(this.#tenantByDomain.get(key) ?? "");
  }

  application(appId: string): { home: TenantDirectory; app: ApplicationRecord } | undefined {
    const home = this.tenants.get(this.#appHome.get(appId) ?? "");
    const app = home?.applicationByAppId(appId);
    return home && app?.kind === "application" && !app.deletedDateTime ? { home, app } : undefined;
  }

  clear(): void {
    this.tenants.clear();
    this.#tenantByDomain.clear();
    this.#appHome.clear();
  }

  #applyOne(op: ChangeOp): void {
    if (op.op === "tenant.put") {
      const existing = this.tenants.get(op.tenant.id);
      if (existing) existing.apply(op);
      else this.tenants.set(op.tenant.id, new TenantDirectory(op.tenant));
      for (const domain of op.tenant.domains) this.#tenantByDomain.set(domain.id.toLowerCase(), op.tenant.id);
      return;
    }
    if (op.op === "tenant.generate") throw new Error("a generator must not emit tenant.generate");
    const directory = this.tenants.get(op.tenantId);
    if (!directory) throw new Error(`change for unknown tenant ${op.tenantId}`);
    directory.apply(op);
    if (op.op === "object.put" && op.record.kind === "application") this.#appHome.set(op.record.appId, op.tenantId);
  }
}
