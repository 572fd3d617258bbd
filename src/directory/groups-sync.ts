// Groups and their members into the cache through Graph's groups delta query, whose `members@delta` gives the
// members of every group in a full round and the added and removed ones in later rounds.
import { pathOfGraphLink } from "./graph-pages-stream.ts";
import { deltaRoundPages, type RoundOutcome, syncRound } from "./sync-round.ts";
import {
  applyMembershipChanges,
  type CachedGroup,
  clearMembers,
  markGroupsDeleted,
  type MembershipChange,
  removeGroups,
  removeGroupsNotSeenSince,
  upsertGroups,
} from "./groups-cache.ts";
import type { TenantSyncContext } from "./tenant-sync-context.ts";

const groupProperties = ["id", "displayName", "mail", "groupTypes", "securityEnabled", "mailEnabled", "onPremisesSyncEnabled", "isAssignableToRole", "assignedLicenses", "members"] as const;
const groupsDeltaPath = `/groups/delta?$select=${groupProperties.join(",")}`;

interface GraphGroup {
  readonly id: string;
  readonly displayName?: string | null;
  readonly mail?: string | null;
  readonly groupTypes?: readonly string[] | null;
  readonly securityEnabled?: boolean | null;
  readonly mailEnabled?: boolean | null;
  readonly onPremisesSyncEnabled?: boolean | null;
  readonly isAssignableToRole?: boolean | null;
  readonly assignedLicenses?: readonly { readonly skuId?: string | null }[] | null;
  readonly "members@delta"?: readonly { readonly id: string; readonly "@removed"?: unknown }[];
  readonly "@removed"?: { readonly reason?: string };
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function cachedGroup(group: GraphGroup): CachedGroup {
  return {
    id: group.id.toLowerCase(),
    displayName: group.displayName ?? null,
    mail: group.mail ?? null,
    groupTypes: group.groupTypes ?? [],
    securityEnabled: group.securityEnabled ?? null,
    mailEnabled: group.mailEnabled ?? null,
    synced: group.onPremisesSyncEnabled === true,
    isAssignableToRole: group.isAssignableToRole === true,
    skuIds: (group.assignedLicenses ?? []).flatMap((l) => (l.skuId ? [l.skuId.toLowerCase()] : [])),
  };
}

function membershipChanges(group: GraphGroup): MembershipChange[] {
  const groupId = group.id.toLowerCase();
  return (group["members@delta"] ?? []).filter((m) => guid.test(m.id)).map((m) => ({ groupId, memberId: m.id.toLowerCase(), removed: m["@removed"] !== undefined }));
}

/**
 * An entry that carries only its member changes (Graph may leave the group's own properties out when only
 * its members changed) must not overwrite the cached properties with nulls.
 */
function carriesProperties(group: GraphGroup): boolean {
  return "displayName" in group;
}

interface PageWork {
  /** Ids of the groups present (not removed), each once. */
  readonly present: string[];
  readonly groups: CachedGroup[];
  readonly memberships: MembershipChange[];
  readonly softDeleted: string[];
  readonly gone: string[];
}

function pageWork(value: readonly GraphGroup[]): PageWork {
  const live = value.filter((g) => !g["@removed"] && guid.test(g.id));
  const removed = value.filter((g) => g["@removed"] && guid.test(g.id));
  return {
    present: [...new Set(live.map((g) => g.id.toLowerCase()))],
    groups: live.filter(carriesProperties).map(cachedGroup),
    memberships: live.flatMap(membershipChanges),
    softDeleted: removed.filter((g) => g["@removed"]?.reason === "changed").map((g) => g.id.toLowerCase()),
    gone: removed.filter((g) => g["@removed"]?.reason !== "changed").map((g) => g.id.toLowerCase()),
  };
}

/**
 * Every group with every member. A large group's members span pages under the same group; its cached members
 * are forgotten when it is first met, so that only the ones Graph lists now remain.
 */
async function fullRound(context: TenantSyncContext): Promise<RoundOutcome> {
  const met = new Set<string>();
  let changes = 0;
  const link = await deltaRoundPages<GraphGroup>(context, "groups", groupsDeltaPath, async (value) => {
    const work = pageWork(value);
    const firstMet = work.present.filter((id) => !met.has(id));
    for (const id of firstMet) met.add(id);
    await context.write(async (tx) => {
      await upsertGroups(tx, context.tenantId, work.groups);
      await clearMembers(tx, context.tenantId, firstMet);
      await applyMembershipChanges(tx, context.tenantId, work.memberships);
    });
    changes += firstMet.length;
  });
  const removed = await context.write(async (tx) => {
    const count = await removeGroupsNotSeenSince(tx, context.tenantId, context.lease.startedAt);
    await context.states.saveDeltaLink(tx, context.lease, "groups", link);
    return count;
  });
  return { kind: "full", changes: changes + removed };
}

/** What changed since the delta link: groups written, members added and removed, deleted groups marked or removed. */
async function deltaRound(context: TenantSyncContext, link: string): Promise<RoundOutcome> {
  let changes = 0;
  const next = await deltaRoundPages<GraphGroup>(context, "groups", pathOfGraphLink(link, context.graphUrl), async (value) => {
    const work = pageWork(value);
    await context.write(async (tx) => {
      await upsertGroups(tx, context.tenantId, work.groups);
      await applyMembershipChanges(tx, context.tenantId, work.memberships);
      await markGroupsDeleted(tx, context.tenantId, work.softDeleted);
      await removeGroups(tx, context.tenantId, work.gone);
    });
    changes += value.length;
  });
  await context.write((tx) => context.states.saveDeltaLink(tx, context.lease, "groups", next));
  return { kind: "delta", changes };
}

/** From the stored delta link when there is one; in full when there is none, or Graph no longer holds its state. */
export function syncGroups(context: TenantSyncContext, link: string | null): Promise<RoundOutcome> {
  return syncRound(context, link, { full: fullRound, delta: deltaRound });
}
