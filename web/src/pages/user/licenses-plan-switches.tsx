// A licence's service plans as switches: on = the plan is enabled for the user.
import { Caption1, makeStyles, Switch, tokens } from "@fluentui/react-components";
import { type PlanLike, planLabels, sortedPlans } from "./licenses-plans.ts";

const useStyles = makeStyles({
  group: { border: "none", margin: 0, padding: 0, minWidth: 0 },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(240px, 1fr))",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
  },
  count: { color: tokens.colorNeutralForeground3 },
});

export interface PlanSwitchesProps {
  /** Names the group of switches for assistive technology, e.g. "Service plans of Microsoft 365 E3". */
  readonly label: string;
  readonly plans: readonly PlanLike[];
  readonly disabledPlans: ReadonlySet<string>;
  /** Absent: the switches only show the state. */
  readonly onToggle?: (servicePlanId: string, on: boolean) => void;
}

export function PlanSwitches({ label, plans, disabledPlans, onToggle }: PlanSwitchesProps) {
  const styles = useStyles();
  const labels = planLabels(plans);
  const on = plans.filter((p) => !disabledPlans.has(p.servicePlanId)).length;
  if (plans.length === 0) return <Caption1 className={styles.count}>Microsoft lists no service plans for this licence.</Caption1>;
  return (
    <fieldset className={styles.group} aria-label={label}>
      <Caption1 className={styles.count}>
        {on} of {plans.length} service plans on
      </Caption1>
      <div className={styles.grid}>
        {sortedPlans(plans).map((plan) => (
          <Switch
            key={plan.servicePlanId}
            label={labels.get(plan.servicePlanId)}
            checked={!disabledPlans.has(plan.servicePlanId)}
            disabled={!onToggle}
            onChange={(_, data) => onToggle?.(plan.servicePlanId, data.checked)}
          />
        ))}
      </div>
    </fieldset>
  );
}
