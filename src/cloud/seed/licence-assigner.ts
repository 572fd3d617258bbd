// Hands out licences to generated members under exact quotas, so that the subscriptions written
// before the first user already match what the users will consume: some SKUs with headroom, one
// nearly full, one fully consumed. Assignment arrays are shared between users with the same
// licences; a million users need only a few dozen distinct arrays.

import type { AssignedLicense, SubscriptionRecord } from "../directory/model.ts";
import { DEMO_SKUS, type DemoSku, type DemoSkuKey } from "./demo-skus.ts";
import { DISABLED_PLANS_SHARE, type LicensingScheme } from "./licence-schemes.ts";
import type { Prng } from "./prng.ts";
import { apportion, ExactPicker, QuotaDraw } from "./quotas.ts";
import { EMPTY } from "./shared-values.ts";

const FREE_SKU_UNITS = 10_000;

function planIds(sku: DemoSkuKey, planNames: readonly string[]): readonly string[] {
  const plans: Readonly<Record<string, string>> = (DEMO_SKUS[sku] as DemoSku).servicePlans;
  return Object.freeze(
    planNames.map((name) => {
      const id = plans[name];
      if (!id) throw new Error(`${sku} has no service plan ${name} in demo-skus.ts`);
      return id;
    }),
  );
}

function roundUp(value: number, step: number): number {
  return Math.ceil(value / step) * step;
}

export class LicenceAssigner {
  readonly subscriptions: readonly SubscriptionRecord[];
  readonly groupLicenses: readonly AssignedLicense[];
  readonly unlicensedCount: number;
  readonly groupLicensedCount: number;
  readonly #scheme: LicensingScheme;
  readonly #profiles: QuotaDraw;
  readonly #addOns: ExactPicker[];
  readonly #assignments = new Map<string, AssignedLicense>();
  readonly #arrays = new Map<number, readonly AssignedLicense[]>();
  readonly #consumed = new Map<string, number>();
  readonly #prepaid = new Map<string, number>();

  /** `minimumUnlicensed`: members that must stay without licences (those without usageLocation). */
  constructor(scheme: LicensingScheme, regularMembers: number, minimumUnlicensed: number) {
    this.#scheme = scheme;
    const counts = apportion(
      regularMembers,
      scheme.profiles.map((p) => p.weight),
    );
    const unlicensed = scheme.profiles.findIndex((p) => p.direct.length === 0 && !p.viaGroup);
    while ((counts[unlicensed] ?? 0) < Math.min(minimumUnlicensed, regularMembers)) {
      const largest = counts.indexOf(Math.max(...counts.filter((_, i) => i !== unlicensed)));
      counts[largest]!--;
      counts[unlicensed]!++;
    }
    this.#profiles = new QuotaDraw(counts);
    this.unlicensedCount = counts[unlicensed] ?? 0;
    this.groupLicensedCount = scheme.profiles.reduce((sum, p, i) => sum + (p.viaGroup ? (counts[i] ?? 0) : 0), 0);

    const licensed = regularMembers - this.unlicensedCount;
    const addOnCounts = scheme.addOns.map((a) => Math.round(licensed * a.weight));
    this.#addOns = addOnCounts.map((count) => new ExactPicker(count, licensed));

    const demand = new Map<DemoSkuKey, number>();
    const add = (sku: DemoSkuKey, n: number): void => {
      demand.set(sku, (demand.get(sku) ?? 0) + n);
    };
    for (const [i, profile] of scheme.profiles.entries()) for (const sku of profile.direct) add(sku, counts[i] ?? 0);
    add(scheme.groupSku, this.groupLicensedCount);
    for (const [i, addOn] of scheme.addOns.entries()) add(addOn.sku, addOnCounts[i] ?? 0);
    this.subscriptions = [...demand].map(([sku, used]) => this.#subscription(sku, used));
    this.groupLicenses = Object.freeze([this.#assignment(scheme.groupSku, scheme.groupDisabledPlans)]);
  }

  /** Index of the next member's licence profile. */
  drawProfile(prng: Prng): number {
    return this.#profiles.draw(prng);
  }

  isUnlicensed(profile: number): boolean {
    const p = this.#scheme.profiles[profile]!;
    return p.direct.length === 0 && !p.viaGroup;
  }

  isGroupLicensed(profile: number): boolean {
    return this.#scheme.profiles[profile]!.viaGroup;
  }

  /** Direct licences of a member with this profile (add-ons drawn here), counted against prepaid units. */
  directLicenses(profile: number, prng: Prng): readonly AssignedLicense[] {
    if (this.isUnlicensed(profile)) return EMPTY;
    const direct = this.#scheme.profiles[profile]!.direct;
    const first = direct[0];
    const choices = first ? (this.#scheme.disabledPlanChoices[first] ?? EMPTY) : EMPTY;
    const variant = choices.length > 0 && prng.chance(DISABLED_PLANS_SHARE) ? 1 + prng.int(choices.length) : 0;
    let addOnMask = 0;
    for (let i = 0; i < this.#addOns.length; i++) if (this.#addOns[i]!.take(prng)) addOnMask |= 1 << i;
    const key = profile | (variant << 4) | (addOnMask << 8);
    let licenses = this.#arrays.get(key);
    if (!licenses) {
      licenses = this.#build(direct, variant === 0 ? EMPTY : choices[variant - 1]!, addOnMask);
      this.#arrays.set(key, licenses);
    }
    for (const license of licenses) this.#consume(license.skuId);
    if (this.isGroupLicensed(profile)) this.#consume(this.groupLicenses[0]!.skuId);
    return licenses;
  }

  #build(direct: readonly DemoSkuKey[], disabledOnFirst: readonly string[], addOnMask: number): readonly AssignedLicense[] {
    const licenses = direct.map((sku, i) => this.#assignment(sku, i === 0 ? disabledOnFirst : EMPTY));
    this.#scheme.addOns.forEach((a, i) => {
      if (addOnMask & (1 << i)) licenses.push(this.#assignment(a.sku, EMPTY));
    });
    return licenses.length === 0 ? EMPTY : Object.freeze(licenses);
  }

  #assignment(sku: DemoSkuKey, disabledPlanNames: readonly string[]): AssignedLicense {
    const key = `${sku}/${disabledPlanNames.join(",")}`;
    let assignment = this.#assignments.get(key);
    if (!assignment) {
      const disabledPlans = disabledPlanNames.length === 0 ? EMPTY : planIds(sku, disabledPlanNames);
      assignment = Object.freeze({ skuId: DEMO_SKUS[sku].skuId, disabledPlans });
      this.#assignments.set(key, assignment);
    }
    return assignment;
  }

  #consume(skuId: string): void {
    const used = (this.#consumed.get(skuId) ?? 0) + 1;
    if (used > (this.#prepaid.get(skuId) ?? 0)) throw new Error(`generator bug: more ${skuId} assigned than bought`);
    this.#consumed.set(skuId, used);
  }

  #subscription(sku: DemoSkuKey, used: number): SubscriptionRecord {
    let prepaid: number;
    if (this.#scheme.free.includes(sku)) prepaid = Math.max(FREE_SKU_UNITS, roundUp(used, FREE_SKU_UNITS));
    else if (sku === this.#scheme.fullyConsumed) prepaid = used;
    else if (sku === this.#scheme.nearlyFull) prepaid = used + Math.max(1, Math.ceil(used * 0.01));
    else prepaid = roundUp(used + Math.max(2, Math.ceil(used * 0.1)), 5);
    const { skuId, skuPartNumber } = DEMO_SKUS[sku];
    this.#prepaid.set(skuId, prepaid);
    return {
      skuId,
      skuPartNumber,
      prepaidEnabled: prepaid,
      prepaidSuspended: 0,
      prepaidWarning: 0,
      prepaidLockedOut: 0,
      capabilityStatus: "Enabled",
    };
  }
}
