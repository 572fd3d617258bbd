// The user's licences: direct ones with their service plans to switch, inherited ones marked with their group;
// assign a licence, save plan changes, remove a direct licence, all through licenses.assign-user.
import { Accordion, Body1, Button, Caption1, Card, makeStyles, Spinner, Subtitle2, tokens } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { actionIds } from "../../../../src/catalog/action-ids.ts";
import { useUserDetails } from "../../api/user-details.ts";
import { usePanelChange } from "../../api/user-licenses-change.ts";
import { subscribedSkusKey } from "../../api/user-licenses.ts";
import { ErrorBar } from "../../app/error-bar.tsx";
import { AssignLicenseDialog } from "./licenses-assign-dialog.tsx";
import { LicenseItem } from "./licenses-item.tsx";
import { savedDisabledPlans } from "./licenses-plans.ts";
import { OutcomeBar } from "./outcome-bar.tsx";
import type { UserPanelProps } from "./user-panel-props.ts";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalL },
  heading: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalM },
  refusal: { color: tokens.colorNeutralForeground3 },
});

/** A licence's state in a key: a new read with other plans starts the switches afresh. */
function stateKey(skuId: string, disabled: ReadonlySet<string>): string {
  return `${skuId}:${[...disabled].sort().join(",")}`;
}

export function LicensesPanel({ tenant, userId, refusalOf, onChanged }: UserPanelProps) {
  const styles = useStyles();
  const headingId = useId();
  const client = useQueryClient();
  const user = useUserDetails(tenant, userId);
  const { change, run, dialogOpen: assigning, openDialog: openAssign } = usePanelChange(tenant, () => {
    onChanged();
    // Seats taken or freed.
    void client.invalidateQueries({ queryKey: subscribedSkusKey(tenant) });
  });
  const refusal = refusalOf(actionIds.licensesAssignUser);

  const name = user.data ? (user.data.displayName ?? user.data.userPrincipalName) : "";
  return (
    <Card className={styles.panel} role="region" aria-labelledby={headingId}>
      <div className={styles.heading}>
        <Subtitle2 as="h2" id={headingId}>
          Licences
        </Subtitle2>
        <Button icon={<AddRegular />} disabled={refusal !== undefined || !user.data || change.isPending} onClick={() => openAssign(true)}>
          Assign licence
        </Button>
      </div>
      {refusal ? <Caption1 className={styles.refusal}>{refusal}</Caption1> : null}
      <OutcomeBar outcome={assigning ? undefined : change.data} />
      {change.isPending && !assigning ? <Spinner size="tiny" label="Changing the licences" /> : null}
      {user.isPending ? <Spinner size="small" label="Reading the user's licences" /> : null}
      {user.error ? <ErrorBar error={user.error} title="The user's licences could not be read" /> : null}
      {user.data && user.data.licenses.length === 0 ? <Body1>{name} has no licence.</Body1> : null}
      {user.data && user.data.licenses.length > 0 ? (
        <Accordion multiple collapsible>
          {[...user.data.licenses]
            .sort((a, b) => a.productName.localeCompare(b.productName))
            .map((licence) => (
              <LicenseItem
                key={stateKey(licence.skuId, savedDisabledPlans(licence))}
                licence={licence}
                userId={userId}
                userName={name}
                refusal={refusal}
                busy={change.isPending}
                run={run}
              />
            ))}
        </Accordion>
      ) : null}
      {user.data ? (
        <AssignLicenseDialog tenant={tenant} user={user.data} open={assigning} onOpenChange={openAssign} run={run} busy={change.isPending} outcome={change.data} />
      ) : null}
    </Card>
  );
}
