// A change made by the licences or groups panel: one catalog write action through the user page's runAction
// (a new idempotency key per submit), told in the panel's own words when it is done.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { ActionId } from "../../../src/catalog/action-ids.ts";
import { accepted, type RunOutcome, runAction } from "./user-action-run.ts";
import { useCatalog } from "./catalog.ts";

export interface ChangeRequest {
  readonly action: ActionId;
  readonly input: Record<string, unknown>;
  /** What to tell the operator when the change is made, e.g. "Microsoft 365 E3 is assigned to Adele Vance." */
  readonly done: string;
}

/** Sends a change; `onAccepted` runs when it went through, e.g. to close the dialog it came from. */
export type RunChange = (change: ChangeRequest, onAccepted?: () => void) => void;

/**
 * Runs panel changes for one tenant; `onChanged` follows every answer, since even a failed change may have done
 * something. The panel's dialog (assign a licence, add to a group) is opened and closed here, so that a refusal
 * it showed goes with it.
 */
export function usePanelChange(tenant: string, onChanged: () => void) {
  const catalog = useCatalog();
  const change = useMutation({
    mutationFn: async (request: ChangeRequest): Promise<RunOutcome> => {
      const title = catalog.data?.value.find((a) => a.id === request.action)?.title ?? request.action;
      const { outcome } = await runAction(tenant, { id: request.action, title }, request.input);
      return outcome.state === "succeeded" ? { ...outcome, message: request.done } : outcome;
    },
    onSettled: () => onChanged(),
  });
  const [dialogOpen, setDialogOpen] = useState(false);
  const run: RunChange = (request, onAccepted) => change.mutate(request, { onSuccess: (outcome) => (accepted(outcome) ? onAccepted?.() : undefined) });
  const openDialog = (open: boolean) => {
    if (open || (change.data && !accepted(change.data))) change.reset();
    setDialogOpen(open);
  };
  return { change, run, dialogOpen, openDialog };
}

/** The outcome's message and fix when it is about `field` (or a part of it, "add.0" for "add"), to show beside that field. */
export function messageFor(outcome: RunOutcome | undefined, field: string): string | undefined {
  if (!outcome?.field || (outcome.field !== field && !outcome.field.startsWith(`${field}.`))) return undefined;
  return outcome.fix ? `${outcome.message} ${outcome.fix}` : outcome.message;
}
