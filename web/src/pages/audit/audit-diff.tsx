import { makeStyles, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from "@fluentui/react-components";
import { ArrowRightRegular } from "@fluentui/react-icons";
import { type DiffKind, type DiffRow, diffRows, isNested, valueText } from "./audit-diff-rows.ts";

const useStyles = makeStyles({
  propertyColumn: { width: "28%" },
  property: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, verticalAlign: "top" },
  value: { verticalAlign: "top", whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  nested: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, margin: 0 },
  old: { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorNeutralForeground1 },
  new: { backgroundColor: tokens.colorPaletteGreenBackground1, color: tokens.colorNeutralForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
  arrow: { color: tokens.colorNeutralForeground3, marginRight: tokens.spacingHorizontalXS, verticalAlign: "middle" },
});

const kindLabels: Record<DiffKind, string> = {
  changed: "changed",
  added: "added",
  removed: "removed",
  unchanged: "unchanged",
  "not-recorded": "no outcome recorded",
};

function Value({ value, className }: { readonly value: unknown; readonly className?: string }) {
  const styles = useStyles();
  const text = valueText(value);
  return isNested(value) ? <pre className={mergeClasses(styles.nested, className)}>{text}</pre> : <span className={className}>{text}</span>;
}

function DiffLine({ row }: { readonly row: DiffRow }) {
  const styles = useStyles();
  const oldStyle = row.kind === "changed" || row.kind === "removed" ? styles.old : row.kind === "added" ? styles.muted : undefined;
  const newStyle = row.kind === "changed" || row.kind === "added" ? styles.new : styles.muted;
  return (
    <TableRow>
      <TableCell className={styles.property} role="rowheader">
        {row.property}
        <Text size={200} className={styles.muted} block>
          {kindLabels[row.kind]}
        </Text>
      </TableCell>
      <TableCell className={mergeClasses(styles.value, oldStyle)}>
        <Value value={row.before} />
      </TableCell>
      <TableCell className={mergeClasses(styles.value, newStyle)}>
        <ArrowRightRegular className={styles.arrow} aria-hidden />
        {row.kind === "not-recorded" ? <span>(not recorded)</span> : <Value value={row.after} />}
      </TableCell>
    </TableRow>
  );
}

/** The properties an entry changed: one row each, the old value and the new. */
export function AuditDiff({ before, after }: { readonly before: Readonly<Record<string, unknown>> | null; readonly after: Readonly<Record<string, unknown>> | null }) {
  const styles = useStyles();
  const rows = diffRows(before, after);
  if (rows.length === 0) return <Text className={styles.muted}>This entry records no property values.</Text>;
  return (
    <Table aria-label="Changes" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.propertyColumn}>Property</TableHeaderCell>
          <TableHeaderCell>Before</TableHeaderCell>
          <TableHeaderCell>After</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <DiffLine key={row.property} row={row} />
        ))}
      </TableBody>
    </Table>
  );
}
