// "Assign licence": one of the tenant's subscribed licences, with the service plans to leave off, and the usage
// location when the user has none (Microsoft assigns licences only to users who have one).
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { actionIds } from "../../../../src/catalog/action-ids.ts";
import type { RunOutcome } from "../../api/user-action-run.ts";
import type { UserDetails } from "../../api/user-details.ts";
import { messageFor, type RunChange } from "../../api/user-licenses-change.ts";
import { type SubscribedSku, useSubscribedSkus } from "../../api/user-licenses.ts";
import { ErrorBar } from "../../app/error-bar.tsx";
import { PlanSwitches } from "./licenses-plan-switches.tsx";
import { switchedPlans } from "./licenses-plans.ts";
import { OutcomeBar } from "./outcome-bar.tsx";

const useStyles = makeStyles({
  surface: { maxWidth: "960px", width: "calc(100vw - 48px)" },
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  usageLocation: { maxWidth: "220px" },
});

export interface AssignLicenseDialogProps {
  readonly tenant: string;
  readonly user: UserDetails;
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly run: RunChange;
  readonly busy: boolean;
  /** How the last change went, shown in the dialog while it is open. */
  readonly outcome: RunOutcome | undefined;
}

const count = (n: number) => n.toLocaleString("en-US");

/** Why a licence cannot be chosen, or undefined when it can. */
function unavailable(sku: SubscribedSku, user: UserDetails): string | undefined {
  const held = user.licenses.find((l) => l.skuId.toLowerCase() === sku.skuId.toLowerCase());
  if (held?.assignedDirectly) return "already assigned";
  // A licence the user already inherits takes no further seat when it is also assigned directly.
  if (sku.freeUnits === 0 && !held) return "no seats left";
  return undefined;
}

function optionText(sku: SubscribedSku, user: UserDetails): string {
  const reason = unavailable(sku, user);
  const seats = `${count(sku.freeUnits)} of ${count(sku.enabledUnits)} free`;
  return `${sku.productName} (${seats})${reason ? ` - ${reason}` : ""}`;
}

const formFields = ["add.0.sku", "usageLocation"];

function AssignLicenseForm({ tenant, user, onOpenChange, run, busy, outcome }: Omit<AssignLicenseDialogProps, "open">) {
  const styles = useStyles();
  const skus = useSubscribedSkus(tenant);
  const [skuId, setSkuId] = useState<string | undefined>();
  const [disabledPlans, setDisabledPlans] = useState<ReadonlySet<string>>(new Set());
  const [usageLocation, setUsageLocation] = useState("");
  const sorted = [...(skus.data ?? [])].sort((a, b) => a.productName.localeCompare(b.productName));
  const chosen = sorted.find((s) => s.skuId === skuId);
  const needsUsageLocation = typeof user.usageLocation !== "string" || user.usageLocation === "";
  const name = user.displayName ?? user.userPrincipalName;

  function choose(next: string | undefined) {
    setSkuId(next);
    setDisabledPlans(new Set());
  }

  const toggle = (servicePlanId: string, on: boolean) => setDisabledPlans(switchedPlans(disabledPlans, servicePlanId, on));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    const off = disabledPlans.size;
    run(
      {
        action: actionIds.licensesAssignUser,
        input: {
          userId: user.id,
          add: [{ sku: chosen.skuId, disabledPlans: [...disabledPlans] }],
          ...(needsUsageLocation && usageLocation.trim() ? { usageLocation: usageLocation.trim().toUpperCase() } : {}),
        },
        done: `${chosen.productName} is assigned to ${name}${off > 0 ? ` with ${off} service plan${off === 1 ? "" : "s"} off` : ""}.`,
      },
      () => onOpenChange(false),
    );
  }

  const skuError = messageFor(outcome, "add.0.sku");
  const usageLocationError = messageFor(outcome, "usageLocation");
  const otherOutcome = outcome && !formFields.some((field) => messageFor(outcome, field)) ? outcome : undefined;
  return (
    <DialogSurface className={styles.surface}>
      <form onSubmit={submit}>
        <DialogBody>
          <DialogTitle>Assign a licence to {name}</DialogTitle>
          <DialogContent className={styles.content}>
            {skus.isPending ? <Spinner size="small" label="Reading the tenant's licences" /> : null}
            {skus.error ? <ErrorBar error={skus.error} title="The tenant's licences could not be read" /> : null}
            {skus.data ? (
              <Field label="Licence" required validationMessage={skuError} validationState={skuError ? "error" : "none"}>
                <Dropdown
                  placeholder="Choose a licence"
                  value={chosen ? optionText(chosen, user) : ""}
                  selectedOptions={skuId ? [skuId] : []}
                  onOptionSelect={(_, data) => choose(data.optionValue)}
                >
                  {sorted.map((sku) => (
                    <Option key={sku.skuId} value={sku.skuId} disabled={unavailable(sku, user) !== undefined}>
                      {optionText(sku, user)}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            ) : null}
            {needsUsageLocation ? (
              <Field
                className={styles.usageLocation}
                label="Usage location"
                required
                hint={usageLocationError ? undefined : `${name} has none: a two-letter country code, e.g. DE.`}
                validationMessage={usageLocationError}
                validationState={usageLocationError ? "error" : "none"}
              >
                <Input value={usageLocation} maxLength={2} autoComplete="off" onChange={(_, data) => setUsageLocation(data.value)} />
              </Field>
            ) : null}
            {chosen ? <PlanSwitches label={`Service plans of ${chosen.productName}`} plans={chosen.servicePlans} disabledPlans={disabledPlans} onToggle={toggle} /> : null}
            <OutcomeBar outcome={otherOutcome} />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => onOpenChange(false)}>Cancel</Button>
            <Button type="submit" appearance="primary" disabled={!chosen || busy || (needsUsageLocation && usageLocation.trim().length !== 2)}>
              {busy ? "Assigning..." : "Assign"}
            </Button>
          </DialogActions>
        </DialogBody>
      </form>
    </DialogSurface>
  );
}

export function AssignLicenseDialog({ open, ...props }: AssignLicenseDialogProps) {
  return (
    <Dialog open={open} onOpenChange={(_, data) => props.onOpenChange(data.open)}>
      <AssignLicenseForm {...props} />
    </Dialog>
  );
}
