// What a search asks PostgreSQL to expect of each of its parts (search-estimates.ts), as counts of users meeting
// conditions, all in one statement that EXPLAIN plans without running.
import type { SearchPlan, SearchStatement } from "./search-plan.ts";
import { prepared, usedParameters } from "./search-sql.ts";

/**
 * What to ask PostgreSQL to expect of a part, as counts of users meeting these conditions: its matches (`all`
 * less `less`), the users a lookup reads, and, for a range of the sort index, the range.
 */
export interface PartQuestions {
  readonly range: boolean;
  /** See TextBranch. */
  readonly avoid?: string;
  readonly all?: readonly string[];
  readonly less?: readonly string[];
  readonly read?: readonly string[];
  readonly span?: readonly string[];
}

/**
 * For each part, what to ask. A condition and its index form (a filter and its word, a start and its characters)
 * are asked once: PostgreSQL would take them as unrelated.
 */
export function partQuestions(plan: SearchPlan): {
  questions: PartQuestions[];
  /** The filters alone. */
  filtered: readonly string[];
  statement: (conditions: readonly (readonly string[])[]) => SearchStatement;
} {
  const { values, conditions, branches } = prepared(plan);
  const { unindexed, index } = conditions;
  const filtered = [...unindexed, ...index];
  const questions = branches.map((branch): PartQuestions => {
    if (branch.range) return { range: true, all: [...filtered, branch.range], read: [...index, ...branch.find], span: [branch.range] };
    const matched = branch.expected?.all ?? [...branch.find, ...branch.check];
    return {
      range: false,
      ...(branch.avoid ? { avoid: branch.avoid } : {}),
      all: [...filtered, ...matched],
      ...(branch.expected ? { less: [...filtered, ...branch.expected.less] } : {}),
      read: [...index, ...branch.find],
    };
  });
  // One statement for all the counts: PostgreSQL plans its parts in order, one row estimate each.
  const statement = (counted: readonly (readonly string[])[]) =>
    usedParameters(counted.map((where) => `(SELECT 1 FROM directory_users u${where.length ? ` WHERE ${where.join(" AND ")}` : ""} OFFSET 0)`).join(" UNION ALL "), values);
  return { questions, filtered, statement };
}
