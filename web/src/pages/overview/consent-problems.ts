// What a tenant's last consent check found wrong, gathered across its modules: each missing permission and
// service-principal role with the features it breaks, and the fixes in the order to apply them.
import type { Tenant } from "../../api/tenants.ts";

export interface MissingGrant {
  /** A permission such as User.ReadWrite.All, or a directory role's display name. */
  readonly name: string;
  /** Titles of the features that do not work without it. */
  readonly features: readonly string[];
}

export interface ConsentProblem {
  readonly tenant: Tenant;
  /** error: Tenantry has no token, or a whole module is unavailable; warning: some features do not work. */
  readonly intent: "error" | "warning";
  /** Modules that are not ready, e.g. "Management degraded". */
  readonly modules: readonly { readonly title: string; readonly state: string; readonly working: number; readonly features: number }[];
  readonly tokenFailure: { readonly message: string; readonly fix: string } | null;
  readonly permissions: readonly MissingGrant[];
  readonly roles: readonly MissingGrant[];
  readonly fixes: readonly string[];
}

function grantsBreaking(features: readonly { title: string; missing: readonly string[] }[]): MissingGrant[] {
  const byGrant = new Map<string, Set<string>>();
  for (const feature of features) {
    for (const name of feature.missing) {
      const titles = byGrant.get(name) ?? new Set<string>();
      titles.add(feature.title);
      byGrant.set(name, titles);
    }
  }
  return [...byGrant].sort(([a], [b]) => a.localeCompare(b)).map(([name, titles]) => ({ name, features: [...titles] }));
}

/** The problem a tenant's last check found, or undefined when every module is ready (or no check ran yet). */
export function consentProblemOf(tenant: Tenant): ConsentProblem | undefined {
  const check = tenant.lastCheck;
  if (!check) return undefined;
  const notReady = check.modules.filter((m) => m.state !== "ready");
  if (!check.tokenFailure && notReady.length === 0) return undefined;
  // A feature belongs to several modules at times: counted once, by its action.
  const features = [...new Map(notReady.flatMap((m) => m.features).map((f) => [f.action, f])).values()].filter((f) => !f.available);
  return {
    tenant,
    intent: check.tokenFailure || notReady.some((m) => m.state === "unavailable") ? "error" : "warning",
    modules: notReady.map((m) => ({ title: m.title, state: m.state, working: m.features.filter((f) => f.available).length, features: m.features.length })),
    tokenFailure: check.tokenFailure ? { message: check.tokenFailure.message, fix: check.tokenFailure.fix } : null,
    permissions: grantsBreaking(features.map((f) => ({ title: f.title, missing: f.missingPermissions }))),
    roles: grantsBreaking(features.map((f) => ({ title: f.title, missing: f.missingRoles.map((r) => r.displayName) }))),
    fixes: [...new Set([...(check.tokenFailure ? [check.tokenFailure.fix] : []), ...notReady.flatMap((m) => m.fixes)])],
  };
}
