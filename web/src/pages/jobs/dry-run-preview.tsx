import { Badge, type BadgeProps, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from "@fluentui/react-components";
import type { DryRunAnswer, PlannedItem } from "../../api/jobs.ts";
import { valueText } from "../audit/audit-diff-rows.ts";
import { plannedChanges } from "./planned-changes.ts";

const useStyles = makeStyles({
  summary: { display: "block", marginBottom: tokens.spacingVerticalS },
  scroll: { maxHeight: "420px", overflowY: "auto", border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  old: { color: tokens.colorPaletteRedForeground1, textDecorationLine: "line-through" },
  new: { color: tokens.colorPaletteGreenForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
  rowColumn: { width: "64px" },
  wrap: { overflowWrap: "anywhere" },
  tenantColumn: { width: "14%" },
  targetColumn: { width: "24%" },
  outcomeColumn: { width: "150px" },
  warning: { color: tokens.colorPaletteMarigoldForeground1 },
});

const outcomes: Record<PlannedItem["outcome"], { label: string; color: BadgeProps["color"] }> = {
  "would-change": { label: "Would change", color: "success" },
  "would-refuse": { label: "Would be refused", color: "danger" },
  unchecked: { label: "Unchecked", color: "warning" },
};

function Details({ item, targetProperty }: { readonly item: PlannedItem; readonly targetProperty: string | undefined }) {
  const styles = useStyles();
  if (item.error) {
    return (
      <div>
        {item.error.message}
        {item.error.fix ? <div className={styles.muted}>Fix: {item.error.fix}</div> : null}
      </div>
    );
  }
  const changes = plannedChanges(item, targetProperty);
  return (
    <>
      <ul className={styles.list}>
        {changes.map((change) => (
          <li key={change.property}>
            {change.property}: {change.before !== undefined ? <span className={styles.old}>{valueText(change.before)}</span> : null}
            {change.before !== undefined ? " → " : ""}
            <span className={styles.new}>{valueText(change.after)}</span>
          </li>
        ))}
      </ul>
      {item.warnings.map((warning) => (
        <div key={warning} className={styles.warning}>
          {warning}
        </div>
      ))}
    </>
  );
}

/** A dry run, item by item: what each would change, or why it would be refused. */
export function DryRunPreview({ answer, targetProperty, tenantLabel }: { readonly answer: DryRunAnswer; readonly targetProperty: string | undefined; readonly tenantLabel: (tenant: string, tenantId: string | null) => string }) {
  const styles = useStyles();
  const { summary } = answer;
  return (
    <section aria-label="Preview">
      <Text role="status" weight="semibold" className={styles.summary}>
        {summary["would-change"]} {summary["would-change"] === 1 ? "item" : "items"} would change, {summary["would-refuse"]} would be refused
        {summary.unchecked > 0 ? `, ${summary.unchecked} could not be checked (a real run retries them)` : ""}.
      </Text>
      <div className={styles.scroll}>
        <Table aria-label="Preview items" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.rowColumn}>Row</TableHeaderCell>
              <TableHeaderCell className={styles.tenantColumn}>Tenant</TableHeaderCell>
              <TableHeaderCell className={styles.targetColumn}>Target</TableHeaderCell>
              <TableHeaderCell className={styles.outcomeColumn}>Outcome</TableHeaderCell>
              <TableHeaderCell>What would happen</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {answer.items.map((item) => (
              <TableRow key={item.row}>
                <TableCell>{item.row}</TableCell>
                <TableCell>{tenantLabel(item.tenant, item.tenantId)}</TableCell>
                <TableCell className={styles.wrap}>{item.object?.display ?? item.target}</TableCell>
                <TableCell>
                  <Badge appearance="tint" color={outcomes[item.outcome].color}>
                    {outcomes[item.outcome].label}
                  </Badge>
                </TableCell>
                <TableCell>
                  <Details item={item} targetProperty={targetProperty} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
