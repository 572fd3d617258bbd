import type { TenantDirectory } from "../../directory/tenant-directory.ts";
import type { DeltaResource } from "./delta-resources.ts";

/** One round of a delta query: from its first request to the page that carries the delta link. */
export interface DeltaRound {
  readonly resource: DeltaResource;
  readonly tenant: TenantDirectory;
  /** Selected properties (without `members`); null: the resource's default properties, every change tracked. */
  readonly select: readonly string[] | null;
  /** Whether group entries carry `members@delta`. */
  readonly members: boolean;
  /** Report changes after this sequence; null: the first round, which reports every object as it is. */
  readonly from: number | null;
  /** The sequence when the round began; its delta link resumes from here, so changes made while paging come next round. */
  readonly to: number;
  /** Cloud time (ms) when the round began. */
  readonly startedAt: number;
}

export function roundKey(round: DeltaRound): string {
  return `${round.resource.name}:${round.from ?? "all"}:${round.to}`;
}
