import type { DirectoryObjectRecord } from "./model.ts";

/** The object kinds whose changes Graph's delta queries report. */
export type TrackedKind = "user" | "group";

/** Record fields that changed at one sequence number; `null`: the whole object is new to a reader (created, restored). */
interface Step {
  seq: number;
  fields: readonly string[] | null;
}

interface Trail {
  last: number;
  readonly steps: Step[];
}

/** A membership link added or removed; the member's kind names its `@odata.type` once the member is gone. */
export interface MembershipTouch {
  readonly memberId: string;
  readonly memberKind: DirectoryObjectRecord["kind"];
}

/** Older steps of one object merge into a wider one: a reader may be told of a field that did not change, never the reverse. */
const MAX_STEPS_PER_OBJECT = 8;
/** Beyond this many membership events the oldest half is dropped and tokens older than what remains expire. */
const MAX_MEMBERSHIP_EVENTS = 4_000_000;
const MEMBERS_FIELD: readonly string[] = Object.freeze(["members"]);
const IGNORED_FIELDS: ReadonlySet<string> = new Set(["kind", "id"]);

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function changedFields(previous: DirectoryObjectRecord, record: DirectoryObjectRecord): string[] {
  const before = previous as unknown as Record<string, unknown>;
  const after = record as unknown as Record<string, unknown>;
  const fields: string[] = [];
  for (const key of Object.keys(after)) if (!IGNORED_FIELDS.has(key) && !sameValue(before[key], after[key])) fields.push(key);
  return fields;
}

function isTracked(kind: DirectoryObjectRecord["kind"]): kind is TrackedKind {
  return kind === "user" || kind === "group";
}

/**
 * What changed in one tenant's users and groups, by sequence number, for delta queries. Everything applied before
 * tracking starts (the generated tenant) is sequence 0 and costs nothing; afterwards each change to a user, a group
 * or a membership takes the next number. Memory grows with what changed, never with the size of the tenant: one
 * trail per changed object (purged objects keep theirs as a tombstone) and one entry per membership event.
 */
export class ChangeJournal {
  #sequence = 0;
  #tracking = false;
  #retainedFrom = 0;
  #purging: string | undefined;
  readonly #trails: Record<TrackedKind, Map<string, Trail>> = { user: new Map(), group: new Map() };
  #eventSeqs: number[] = [];
  #eventGroups: string[] = [];
  #eventMembers: string[] = [];
  #eventKinds: DirectoryObjectRecord["kind"][] = [];

  /** Ends the baseline: every change from now on is numbered. */
  startTracking(): void {
    this.#tracking = true;
  }

  /** The number of the latest change; a token taken now covers everything up to it. */
  get sequence(): number {
    return this.#sequence;
  }

  /** The oldest sequence a token may hold and still be answered exactly. */
  get retainedFrom(): number {
    return this.#retainedFrom;
  }

  /** Before the directory stores `record` in place of `previous`; `memberOf` are the groups holding the object. */
  put(previous: DirectoryObjectRecord | undefined, record: DirectoryObjectRecord, memberOf: ReadonlySet<string>): void {
    this.#purging = undefined;
    if (!this.#tracking) return;
    const wasActive = previous !== undefined && !previous.deletedDateTime;
    const isActive = !record.deletedDateTime;
    if (isTracked(record.kind)) {
      if (!previous || (!wasActive && isActive)) this.#step(record.kind, record.id, null);
      else {
        const fields = changedFields(previous, record);
        if (fields.length > 0) this.#step(record.kind, record.id, fields);
      }
    }
    // Deleting or restoring an object takes it out of, or puts it back into, the member lists of its groups.
    if (previous && wasActive !== isActive) for (const groupId of memberOf) this.membership(groupId, record.id, record.kind);
  }

  /** Before the directory forgets an object for good. */
  purge(record: DirectoryObjectRecord | undefined): void {
    this.#purging = record?.id;
    if (!this.#tracking || !record || !isTracked(record.kind)) return;
    this.#step(record.kind, record.id, null);
  }

  /** A member added to or removed from a group. */
  membership(groupId: string, memberId: string, memberKind: DirectoryObjectRecord["kind"]): void {
    // A purged group's own links go with it; the group is reported removed instead.
    if (!this.#tracking || groupId === this.#purging) return;
    this.#step("group", groupId, MEMBERS_FIELD);
    this.#eventSeqs.push(this.#sequence);
    this.#eventGroups.push(groupId);
    this.#eventMembers.push(memberId);
    this.#eventKinds.push(memberKind);
    if (this.#eventSeqs.length > MAX_MEMBERSHIP_EVENTS) this.#dropOldestEvents();
  }

  /** Ids of objects of `kind` changed after sequence `after`, in no particular order. */
  changedAfter(kind: TrackedKind, after: number): string[] {
    const ids: string[] = [];
    for (const [id, trail] of this.#trails[kind]) if (trail.last > after) ids.push(id);
    return ids;
  }

  /** The latest change to an object; 0 if it is as generated. */
  lastChanged(kind: TrackedKind, id: string): number {
    return this.#trails[kind].get(id)?.last ?? 0;
  }

  /** Record fields changed after `since`, or "all" when the object was created or restored since. */
  fieldsChangedSince(kind: TrackedKind, id: string, since: number): ReadonlySet<string> | "all" {
    const fields = new Set<string>();
    for (const step of this.#trails[kind].get(id)?.steps ?? []) {
      if (step.seq <= since) continue;
      if (step.fields === null) return "all";
      for (const field of step.fields) fields.add(field);
    }
    return fields;
  }

  /** Per group, the members whose link was added or removed in (after, upTo]; one pass over the event log. */
  membershipTouched(after: number, upTo: number): Map<string, Map<string, MembershipTouch>> {
    const byGroup = new Map<string, Map<string, MembershipTouch>>();
    for (let i = this.#firstEventAfter(after); i < this.#eventSeqs.length && this.#eventSeqs[i]! <= upTo; i++) {
      const groupId = this.#eventGroups[i]!;
      let members = byGroup.get(groupId);
      if (!members) {
        members = new Map();
        byGroup.set(groupId, members);
      }
      members.set(this.#eventMembers[i]!, { memberId: this.#eventMembers[i]!, memberKind: this.#eventKinds[i]! });
    }
    return byGroup;
  }

  #step(kind: TrackedKind, id: string, fields: readonly string[] | null): void {
    const seq = ++this.#sequence;
    const trails = this.#trails[kind];
    const trail = trails.get(id);
    if (!trail) {
      trails.set(id, { last: seq, steps: [{ seq, fields }] });
      return;
    }
    trail.last = seq;
    const latest = trail.steps.at(-1);
    // The same fields changing again only moves the step forward: "changed after S" stays true for every S it was.
    if (latest && latest.fields === fields) latest.seq = seq;
    else trail.steps.push({ seq, fields });
    if (trail.steps.length > MAX_STEPS_PER_OBJECT) {
      const [oldest, next] = trail.steps.splice(0, 2) as [Step, Step];
      trail.steps.unshift({ seq: next.seq, fields: oldest.fields && next.fields ? [...new Set([...oldest.fields, ...next.fields])] : null });
    }
  }

  #firstEventAfter(seq: number): number {
    let lo = 0;
    let hi = this.#eventSeqs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#eventSeqs[mid]! <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  #dropOldestEvents(): void {
    const drop = this.#eventSeqs.length >>> 1;
    this.#retainedFrom = this.#eventSeqs[drop - 1]!;
    this.#eventSeqs = this.#eventSeqs.slice(drop);
    this.#eventGroups = this.#eventGroups.slice(drop);
    this.#eventMembers = this.#eventMembers.slice(drop);
    this.#eventKinds = this.#eventKinds.slice(drop);
  }
}
