import type { UseQueryResult } from "@tanstack/react-query";
import { type AllowedActions, refusalText } from "../../api/user-allowed-actions.ts";

export interface Refusals {
  /** Tenantry is still deciding. */
  readonly pending: boolean;
  /** Why the operator may not run this action on the user; undefined when it may (or when Tenantry could not say: the run will). */
  readonly of: (actionId: string) => string | undefined;
  /** The same for one property of an action whose properties are decided one by one. */
  readonly ofProperty: (actionId: string, property: string) => string | undefined;
}

export const checking = "Checking what you may do…";

export function refusalsFrom(allowed: UseQueryResult<AllowedActions>): Refusals {
  const answerOf = (actionId: string) => allowed.data?.value.find((a) => a.action === actionId);
  return {
    pending: allowed.isPending,
    of(actionId) {
      if (allowed.isPending) return checking;
      const answer = answerOf(actionId);
      return answer && !answer.allowed ? refusalText(answer) : undefined;
    },
    ofProperty(actionId, property) {
      if (allowed.isPending) return checking;
      const answer = answerOf(actionId);
      const own = answer?.properties?.find((p) => p.property === property);
      if (own) return own.allowed ? undefined : refusalText(own);
      return answer && !answer.allowed ? refusalText(answer) : undefined;
    },
  };
}
