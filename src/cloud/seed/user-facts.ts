// The compact per-user facts the generator keeps after writing a user record, so that groups and
// role holders can be chosen without holding on to a million records.

export const KIND_ADMIN = 0;
export const KIND_MEMBER = 1;
export const KIND_GUEST = 2;
export const KIND_MASK = 3;
export const FLAG_DISABLED = 4;
export const FLAG_SYNCED = 8;
/** In the department and office arrays: the user has none. */
export const NONE = 255;

export interface UserFacts {
  /** Per user index: KIND_* | FLAG_*. */
  readonly flags: Uint8Array;
  /** Per user index: index into DEPARTMENTS, or NONE. */
  readonly departments: Uint8Array;
  /** Per user index: index into the layout's offices, or NONE. */
  readonly offices: Uint8Array;
  /** Indexes of members licensed through the group-based licensing group, ascending. */
  readonly groupLicensed: readonly number[];
  /** Indexes of synced members, ascending. */
  readonly synced: readonly number[];
}
