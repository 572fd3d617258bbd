import type { MembershipTouch } from "../../directory/change-journal.ts";
import type { DirectoryObjectRecord } from "../../directory/model.ts";
import type { TenantDirectory } from "../../directory/tenant-directory.ts";
import { type DeltaRound, roundKey } from "./delta-round.ts";
import { roundCached } from "./round-cache.ts";

/** Member links per page across all group entries; a larger group continues on the next page under the same group. */
export const MEMBER_LINKS_PER_PAGE = 500;

const typeNames: Record<DirectoryObjectRecord["kind"], string> = {
  user: "#microsoft.graph.user",
  group: "#microsoft.graph.group",
  servicePrincipal: "#microsoft.graph.servicePrincipal",
  application: "#microsoft.graph.application",
};

/** The members a group entry reports this round, in ascending id order so that a page can resume after one. */
export interface MemberList {
  readonly ids: readonly string[];
  entry(id: string): Record<string, unknown>;
}

function isActive(tenant: TenantDirectory, id: string): boolean {
  const record = tenant.objects.get(id);
  return record !== undefined && !record.deletedDateTime;
}

/** Large lists span pages, so they are sorted once per round; small ones are cheaper to sort again. */
function sortedOnce(round: DeltaRound, list: string, groupId: string, size: number, ids: () => string[]): string[] {
  if (size <= MEMBER_LINKS_PER_PAGE) return ids().sort();
  return roundCached(round.tenant.journal, `${list}:${roundKey(round)}:${groupId}`, () => ids().sort());
}

/** Every current member: the first round, or a group created or restored since the last one. */
export function currentMembers(round: DeltaRound, groupId: string): MemberList {
  const tenant = round.tenant;
  const members = tenant.membersOf(groupId);
  const ids = sortedOnce(round, "current", groupId, members.size, () => [...members].filter((id) => isActive(tenant, id)));
  return { ids, entry: (id) => ({ "@odata.type": typeNames[tenant.objects.get(id)?.kind ?? "user"], id }) };
}

/** Members added or removed since the round's token; undefined when there are none. */
export function changedMembers(round: DeltaRound, groupId: string): MemberList | undefined {
  const tenant = round.tenant;
  const from = round.from ?? 0;
  const touchedByGroup = roundCached(tenant.journal, `touched:${from}:${round.to}`, () => tenant.journal.membershipTouched(from, round.to));
  const touched: ReadonlyMap<string, MembershipTouch> | undefined = touchedByGroup.get(groupId);
  if (!touched) return undefined;
  const ids = sortedOnce(round, "changed", groupId, touched.size, () => [...touched.keys()]);
  return {
    ids,
    entry: (id) => {
      const kind = tenant.objects.get(id)?.kind ?? touched.get(id)?.memberKind ?? "user";
      const present = tenant.membersOf(groupId).has(id) && isActive(tenant, id);
      return present ? { "@odata.type": typeNames[kind], id } : { "@odata.type": typeNames[kind], id, "@removed": { reason: "deleted" } };
    },
  };
}
