import { Link, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from "@fluentui/react-components";
import type { AuditEntry } from "../../api/audit.ts";
import { OutcomeBadge } from "./outcome-badge.tsx";

const useStyles = makeStyles({
  row: { cursor: "pointer" },
  timeColumn: { width: "200px" },
  actionColumn: { width: "22%" },
  tenantColumn: { width: "14%" },
  outcomeColumn: { width: "110px" },
  wrap: { overflowWrap: "anywhere" },
  time: { whiteSpace: "nowrap" },
  action: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
});

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

export function AuditTable({ entries, tenantLabel, onOpen }: { readonly entries: readonly AuditEntry[]; readonly tenantLabel: (tenantId: string | null) => string; readonly onOpen: (entry: AuditEntry) => void }) {
  const styles = useStyles();
  return (
    <Table aria-label="Audit entries" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.timeColumn}>Time</TableHeaderCell>
          <TableHeaderCell>Actor</TableHeaderCell>
          <TableHeaderCell className={styles.actionColumn}>Action</TableHeaderCell>
          <TableHeaderCell className={styles.tenantColumn}>Tenant</TableHeaderCell>
          <TableHeaderCell>Target</TableHeaderCell>
          <TableHeaderCell className={styles.outcomeColumn}>Outcome</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((entry) => (
          <TableRow key={entry.sequence} className={styles.row} onClick={() => onOpen(entry)}>
            <TableCell className={styles.time}>
              {/* The row opens on a click; the link is the way in for the keyboard and for screen readers. */}
              <Link
                as="button"
                onClick={(event) => {
                  event.stopPropagation();
                  onOpen(entry);
                }}
              >
                {timeFormat.format(new Date(entry.occurredAt))}
              </Link>
            </TableCell>
            <TableCell className={styles.wrap}>{entry.actor.name}</TableCell>
            <TableCell className={styles.action}>{entry.action}</TableCell>
            <TableCell>{entry.tenantId ? tenantLabel(entry.tenantId) : <span className={styles.muted}>Tenantry</span>}</TableCell>
            <TableCell className={styles.wrap}>{entry.target ? (entry.target.display ?? entry.target.id ?? entry.target.kind) : <span className={styles.muted}>—</span>}</TableCell>
            <TableCell>
              <OutcomeBadge outcome={entry.outcome} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
