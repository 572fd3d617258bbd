import type { GroupRecord, UserRecord } from "../../directory/model.ts";
import type { DeltaPreferences } from "./delta-prefer.ts";
import { type DeltaRound, roundKey } from "./delta-round.ts";
import { changedMembers, currentMembers, MEMBER_LINKS_PER_PAGE, type MemberList } from "./member-delta.ts";
import { roundCached } from "./round-cache.ts";

/** Where the next page starts: after an object, or inside a group's members. */
export type PageCursor = { readonly after?: string } | { readonly group: string; readonly member: string };

export interface DeltaPage {
  readonly value: Record<string, unknown>[];
  /** Absent on the last page of the round. */
  readonly next?: PageCursor;
}

interface Entry {
  readonly json: Record<string, unknown>;
  readonly members?: MemberList;
}

function outputProperties(round: DeltaRound): readonly string[] {
  if (!round.select) return round.resource.defaultProperties;
  return round.select.includes("id") ? round.select : [...round.select, "id"];
}

function objectJson(round: DeltaRound, record: UserRecord | GroupRecord, only?: ReadonlySet<string>): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const property of outputProperties(round)) {
    if (!only || property === "id" || only.has(property)) json[property] = round.resource.read(round.tenant, record, property) ?? null;
  }
  return json;
}

/** The first round: every object as it is now, soft-deleted ones left out. */
function currentEntry(round: DeltaRound, id: string): Entry | undefined {
  const record = round.resource.record(round.tenant, id);
  if (!record || record.deletedDateTime) return undefined;
  return { json: objectJson(round, record), ...(round.members ? { members: currentMembers(round, id) } : {}) };
}

/** A later round: what changed since the token, or undefined when nothing the round tracks did. */
function changeEntry(round: DeltaRound, id: string, minimal: boolean): Entry | undefined {
  const { resource, tenant } = round;
  const record = resource.record(tenant, id);
  if (!record) return { json: { id, "@removed": { reason: "deleted" } } };
  if (record.deletedDateTime) return { json: { id, "@removed": { reason: "changed" } } };
  const fields = tenant.journal.fieldsChangedSince(resource.kind, id, round.from ?? 0);
  if (fields === "all") return { json: objectJson(round, record), ...(round.members ? { members: currentMembers(round, id) } : {}) };

  const changed = new Set<string>();
  for (const field of fields) if (field !== "members") for (const property of resource.propertiesOf(field)) changed.add(property);
  const members = round.members && fields.has("members") ? changedMembers(round, id) : undefined;
  // With $select only the selected properties are tracked; without it, every property is.
  const tracked = round.select ? round.select.some((p) => changed.has(p)) : changed.size > 0;
  if (!tracked && !members) return undefined;
  return { json: objectJson(round, record, minimal ? changed : undefined), ...(members ? { members } : {}) };
}

function firstAfter(ids: readonly string[], after: string | undefined): number {
  if (after === undefined) return 0;
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function* candidates(round: DeltaRound, after: string | undefined): Generator<string> {
  if (round.from === null) {
    yield* round.resource.ids(round.tenant, after);
    return;
  }
  const journal = round.tenant.journal;
  const from = round.from;
  const changed = roundCached(journal, `changed:${roundKey(round)}`, () => journal.changedAfter(round.resource.kind, from).sort());
  for (let i = firstAfter(changed, after); i < changed.length; i++) yield changed[i]!;
}

function* resumingAt(group: string, rest: Iterable<string>): Generator<string> {
  yield group;
  yield* rest;
}

/**
 * One page of a round: at most `pageSize` objects and MEMBER_LINKS_PER_PAGE member links. A group whose members do
 * not fit is returned with those that do, and again on the next page with the rest, as Graph pages large groups.
 */
export function deltaPage(round: DeltaRound, cursor: PageCursor, preferences: DeltaPreferences): DeltaPage {
  const value: Record<string, unknown>[] = [];
  let links = 0;
  let last: string | undefined = "after" in cursor ? cursor.after : undefined;
  const resume = "group" in cursor ? cursor : undefined;
  // Prefer: return=minimal applies to rounds that follow a delta link, not to the first full read.
  const minimal = preferences.minimal && round.from !== null;

  const ids = resume ? resumingAt(resume.group, candidates(round, resume.group)) : candidates(round, last);
  for (const id of ids) {
    if (value.length >= preferences.pageSize) return { value, next: { after: last } };
    const entry = round.from === null ? currentEntry(round, id) : changeEntry(round, id, minimal);
    const memberAfter = resume && id === resume.group ? resume.member : undefined;
    if (!entry?.members) {
      if (entry && memberAfter === undefined) value.push(entry.json);
      last = id;
      continue;
    }
    const memberIds = entry.members.ids;
    const start = firstAfter(memberIds, memberAfter);
    const remaining = memberIds.length - start;
    if (remaining === 0 && memberAfter !== undefined) {
      last = id;
      continue;
    }
    const room = MEMBER_LINKS_PER_PAGE - links;
    const take = Math.min(remaining, room);
    if (take === 0 && remaining > 0) return { value, next: memberAfter === undefined ? { after: last } : { group: id, member: memberAfter } };
    const slice = memberIds.slice(start, start + take);
    value.push(slice.length > 0 ? { ...entry.json, "members@delta": slice.map((m) => entry.members!.entry(m)) } : entry.json);
    links += take;
    if (take < remaining) return { value, next: { group: id, member: slice.at(-1)! } };
    last = id;
  }
  return { value };
}
