// A search as the SQL builder takes it, and what the builder shares while it writes one statement.
import type { CursorPosition } from "./search-cursor.ts";
import type { Param } from "./search-conditions.ts";
import type { SortOrder, TenantVisibility, UserSearchFilters, UserSearchSort } from "./search-query.ts";
import type { Stage } from "./search-stages.ts";
import type { TextMatch } from "./search-text.ts";

export interface SearchPlan {
  readonly text: TextMatch;
  readonly visibleTenants: TenantVisibility;
  readonly filters: UserSearchFilters;
  readonly sort: UserSearchSort;
  readonly order: SortOrder;
  /** Rows to read: the page and one more, to know whether another page follows. */
  readonly rows: number;
  readonly after: CursorPosition | undefined;
  /** The database compares text by code point (search-estimates.ts): a walk may use a range's bounds. */
  readonly byCodePoint?: boolean;
  /** For each part of the text's matches, in the order of textBranches, how it is answered. */
  readonly stages?: readonly (readonly Stage[])[];
}

export interface SearchStatement {
  readonly text: string;
  readonly values: unknown[];
}

export interface SearchContext {
  readonly plan: SearchPlan;
  readonly param: Param;
  readonly direction: "ASC" | "DESC";
  /** The comparison that means "after the cursor". */
  readonly after: ">" | "<";
  /** The cursor's values, as parameters cast to their types. */
  readonly cursor: readonly string[] | undefined;
  /** The parameter holding `plan.rows`. */
  readonly rows: string;
}
