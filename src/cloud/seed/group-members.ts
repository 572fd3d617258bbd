// Resolves a group's member source to user indexes (ascending, no repeats). Dynamic groups get
// exactly the users their rule matches; static groups get random samples of members.

import type { MemberSource } from "./group-plan.ts";
import type { Prng } from "./prng.ts";
import type { TenantLayout } from "./tenant-layout.ts";
import { FLAG_DISABLED, KIND_GUEST, KIND_MASK, KIND_MEMBER, NONE, type UserFacts } from "./user-facts.ts";

export class MemberResolver {
  readonly #layout: TenantLayout;
  readonly #facts: UserFacts;
  readonly #prng: Prng;
  /** Members per static group, so that static memberships total about one per member. */
  readonly #sampleSize: number;

  constructor(layout: TenantLayout, facts: UserFacts, prng: Prng, staticGroups: number) {
    this.#layout = layout;
    this.#facts = facts;
    this.#prng = prng;
    this.#sampleSize = Math.max(2, layout.memberCount / Math.max(1, staticGroups));
  }

  *members(source: MemberSource): Generator<number> {
    const flags = this.#facts.flags;
    switch (source.kind) {
      case "userType": {
        const guest = source.userType === "Guest";
        for (let i = 0; i < flags.length; i++) if (((flags[i]! & KIND_MASK) === KIND_GUEST) === guest) yield i;
        return;
      }
      case "department":
        for (let i = 0; i < flags.length; i++) if (this.#facts.departments[i] === source.department) yield i;
        return;
      case "country": {
        const offices = this.#layout.offices;
        for (let i = 0; i < flags.length; i++) {
          const office = this.#facts.offices[i]!;
          if (office !== NONE && offices[office]!.country === source.country) yield i;
        }
        return;
      }
      case "sample":
        yield* this.#sample(Math.round(source.weight * this.#sampleSize), source.guests);
        return;
      case "team":
        yield* [...this.pickMembers(source.size)].sort((a, b) => a - b);
        return;
      case "groupLicensed":
        yield* this.#facts.groupLicensed;
        return;
      case "synced":
        yield* this.#spread(this.#facts.synced, Math.round(source.weight * this.#sampleSize));
        return;
    }
  }

  /** Up to `count` distinct enabled regular members, at random (owners, small teams, role holders). */
  pickMembers(count: number): Set<number> {
    const flags = this.#facts.flags;
    const picked = new Set<number>();
    const wanted = Math.min(count, this.#layout.memberCount - this.#layout.disabledCount);
    for (let attempts = 0; picked.size < wanted && attempts < wanted * 100; attempts++) {
      const i = this.#prng.int(flags.length);
      const f = flags[i]!;
      if ((f & KIND_MASK) === KIND_MEMBER && (f & FLAG_DISABLED) === 0) picked.add(i);
    }
    return picked;
  }

  /** About `size` users, spread over the whole directory by random gaps. */
  *#sample(size: number, guests: boolean): Generator<number> {
    const flags = this.#facts.flags;
    const eligible = this.#layout.memberCount + (guests ? this.#layout.guestCount : 0);
    if (size <= 0 || eligible === 0) return;
    const gap = Math.max(1, eligible / size);
    for (let i = this.#prng.int(gap); i < flags.length; i += 1 + this.#prng.int(2 * gap - 1)) {
      const kind = flags[i]! & KIND_MASK;
      if (kind === KIND_MEMBER || (guests && kind === KIND_GUEST)) yield i;
    }
  }

  /** About `size` of the given (ascending) indexes, by random gaps. */
  *#spread(indexes: readonly number[], size: number): Generator<number> {
    if (size <= 0 || indexes.length === 0) return;
    const gap = Math.max(1, indexes.length / size);
    for (let at = this.#prng.int(gap); at < indexes.length; at += 1 + this.#prng.int(2 * gap - 1)) yield indexes[at]!;
  }
}
