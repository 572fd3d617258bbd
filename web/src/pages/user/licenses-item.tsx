// One licence of the user: where it comes from, its service plans, and for a direct licence saving plan changes or removing it.
import { AccordionHeader, AccordionItem, AccordionPanel, Badge, Body1, Button, Caption1, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { ArrowUndoRegular, DeleteRegular, SaveRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { actionIds } from "../../../../src/catalog/action-ids.ts";
import type { RunChange } from "../../api/user-licenses-change.ts";
import type { UserLicense } from "../../api/user-licenses.ts";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { PlanSwitches } from "./licenses-plan-switches.tsx";
import { assignmentErrors, directAssignment, groupAssignments, inheritedFromText, savedDisabledPlans, switchedPlans } from "./licenses-plans.ts";

const useStyles = makeStyles({
  header: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  name: { fontWeight: tokens.fontWeightSemibold },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalM },
  partNumber: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface LicenseItemProps {
  readonly licence: UserLicense;
  readonly userId: string;
  readonly userName: string;
  /** Why the operator may not change this user's licences. */
  readonly refusal: string | undefined;
  readonly busy: boolean;
  readonly run: RunChange;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((value) => b.has(value));
}

export function LicenseItem({ licence, userId, userName, refusal, busy, run }: LicenseItemProps) {
  const styles = useStyles();
  const direct = directAssignment(licence);
  const inherited = groupAssignments(licence).length > 0;
  const errors = assignmentErrors(licence);
  const saved = savedDisabledPlans(licence);
  const [draft, setDraft] = useState<ReadonlySet<string>>(saved);
  const [confirmingRemoval, setConfirmingRemoval] = useState(false);
  const dirty = !sameSet(draft, saved);
  const editable = direct !== undefined && refusal === undefined && !busy;

  const toggle = (servicePlanId: string, on: boolean) => setDraft(switchedPlans(draft, servicePlanId, on));

  function save() {
    const on = licence.servicePlans.length - draft.size;
    run({
      action: actionIds.licensesAssignUser,
      input: { userId, add: [{ sku: licence.skuId, disabledPlans: [...draft] }] },
      done: `${licence.productName}: ${on} of ${licence.servicePlans.length} service plans are on for ${userName}.`,
    });
  }

  function remove() {
    run({ action: actionIds.licensesAssignUser, input: { userId, remove: [licence.skuId] }, done: `${licence.productName} is removed from ${userName}.` });
  }

  return (
    <AccordionItem value={licence.skuId}>
      <AccordionHeader>
        <span className={styles.header}>
          <span className={styles.name}>{licence.productName}</span>
          {direct ? <Badge appearance="tint" color="brand">Direct</Badge> : null}
          {inherited ? (
            <Badge appearance="tint" color="informative">
              {direct ? "Also inherited" : "Inherited"} from {inheritedFromText(licence)}
            </Badge>
          ) : null}
          {errors.length > 0 ? <Badge appearance="filled" color="danger">Not applied</Badge> : null}
        </span>
      </AccordionHeader>
      <AccordionPanel>
        <div className={styles.panel}>
          <Caption1 className={styles.partNumber}>
            {licence.skuPartNumber} · {licence.skuId}
          </Caption1>
          {errors.map((error) => (
            <MessageBar key={error} intent="warning">
              <MessageBarBody>Microsoft could not apply this licence: {error}</MessageBarBody>
            </MessageBar>
          ))}
          {direct ? null : <Body1>Inherited from {inheritedFromText(licence)}: its service plans are chosen on the group, so change them there.</Body1>}
          <PlanSwitches label={`Service plans of ${licence.productName}`} plans={licence.servicePlans} disabledPlans={draft} {...(editable ? { onToggle: toggle } : {})} />
          {direct ? (
            <div className={styles.actions}>
              <Button appearance="primary" icon={<SaveRegular />} disabled={!editable || !dirty} onClick={save}>
                Save service plans
              </Button>
              <Button icon={<ArrowUndoRegular />} disabled={!dirty} onClick={() => setDraft(saved)}>
                Undo changes
              </Button>
              <Button icon={<DeleteRegular />} aria-label={`Remove ${licence.productName}`} disabled={!editable} onClick={() => setConfirmingRemoval(true)}>
                Remove licence
              </Button>
            </div>
          ) : null}
          {confirmingRemoval ? (
            <ConfirmDialog
              title={`Remove ${licence.productName}?`}
              confirm="Remove licence"
              busy={busy}
              onClose={() => setConfirmingRemoval(false)}
              onConfirm={() => {
                setConfirmingRemoval(false);
                remove();
              }}
            >
              {userName} loses {licence.productName} and the services it includes{inherited ? `, except what the group ${inheritedFromText(licence)} still gives` : ""}. The seat becomes free for someone else.
            </ConfirmDialog>
          ) : null}
        </div>
      </AccordionPanel>
    </AccordionItem>
  );
}
