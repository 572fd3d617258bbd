// A change made by the licences or groups panel: one catalog write action through the user page's runAction
// (a new idempotency key per submit), told in the panel's own words when it is done.
import { useMutation } from "@tanstack/react-query";
import type { ActionId } from "../../../src/catalog/action-ids.ts";
import { type RunOutcome, runAction } from "./user-action-run.ts";
import { useCatalog } from "./catalog.ts";

export interface ChangeRequest {
  readonly action: ActionId;
  readonly input: Record<string, unknown>;
  /** What to tell the operator when the change is made, e.g. "Microsoft 365 E3 is assigned to Adele Vance." */
  readonly done: string;
}

/** Whether the change went through (made, or sent and being confirmed). */
export function accepted(outcome: RunOutcome): boolean {
  return outcome.state === "succeeded" || outcome.state === "requested";
}

/** Runs panel changes for one tenant; `onChanged` follows every answer, since even a failed change may have done something. */
export function usePanelChange(tenant: string, onChanged: () => void) {
  const catalog = useCatalog();
  return useMutation({
    mutationFn: async (change: ChangeRequest): Promise<RunOutcome> => {
      const title = catalog.data?.value.find((a) => a.id === change.action)?.title ?? change.action;
      const { outcome } = await runAction(tenant, { id: change.action, title }, change.input);
      return outcome.state === "succeeded" ? { ...outcome, message: change.done } : outcome;
    },
    onSettled: () => onChanged(),
  });
}

/** Sends a change; `onAccepted` runs when it went through, e.g. to close the dialog it came from. */
export type RunChange = (change: ChangeRequest, onAccepted?: () => void) => void;

/** The outcome's message and fix when it is about `field` (or a part of it, "add.0" for "add"), to show beside that field. */
export function messageFor(outcome: RunOutcome | undefined, field: string): string | undefined {
  if (!outcome?.field || (outcome.field !== field && !outcome.field.startsWith(`${field}.`))) return undefined;
  return outcome.fix ? `${outcome.message} ${outcome.fix}` : outcome.message;
}
