import { Button, Dropdown, Field, makeStyles, Option, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { bulkItemStates } from "../../../../src/jobs/bulk/bulk-job.ts";
import { type BulkItem, type BulkItemState, type BulkJob, useJobItems } from "../../api/jobs.ts";
import { useTenantLabel } from "../../api/tenants.ts";
import { AppLink } from "../../app/app-link.tsx";
import { ErrorBar } from "../../app/error-bar.tsx";
import { ItemStateBadge, itemStates } from "./job-badges.tsx";

const useStyles = makeStyles({
  items: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  filter: { maxWidth: "280px" },
  narrow: { width: "72px" },
  targetColumn: { width: "340px" },
  stateColumn: { width: "120px" },
  timeColumn: { width: "120px" },
  target: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
  footer: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
});

const all = "all";
const objectId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: "medium" });

/** How many items of the job are in a state, from its progress; undefined where the progress does not say. */
function countOf(job: BulkJob, state: BulkItemState | typeof all): number | undefined {
  const p = job.progress;
  const counts: Partial<Record<BulkItemState | typeof all, number>> = { all: p.total, running: p.running, succeeded: p.succeeded, failed: p.failed, refused: p.refused, skipped: p.skipped };
  return counts[state];
}

function Target({ item, userPages }: { readonly item: BulkItem; readonly userPages: boolean }) {
  const styles = useStyles();
  if (!userPages || !item.tenantId || !objectId.test(item.target)) return <span className={styles.target}>{item.target}</span>;
  return (
    <AppLink className={styles.target} href={`/tenants/${item.tenantId}/users/${item.target}`}>
      {item.target}
    </AppLink>
  );
}

/** Each item's outcome, in one state or all. */
export function JobItems({ job, targetsAreUsers }: { readonly job: BulkJob; readonly targetsAreUsers: boolean }) {
  const styles = useStyles();
  const tenantLabel = useTenantLabel();
  const [state, setState] = useState<BulkItemState | typeof all>(all);
  const items = useJobItems(job.id, state === all ? undefined : state);
  const label = (s: BulkItemState | typeof all) => {
    const count = countOf(job, s);
    return `${s === all ? "All states" : itemStates[s].label}${count === undefined ? "" : ` (${count.toLocaleString()})`}`;
  };
  const rows = items.data?.pages.flatMap((page) => page.value) ?? [];
  return (
    <section className={styles.items} aria-label="Items">
      <Field label="Show items" className={styles.filter}>
        <Dropdown value={label(state)} selectedOptions={[state]} onOptionSelect={(_, data) => setState(bulkItemStates.find((s) => s === data.optionValue) ?? all)}>
          <Option value={all} text={label(all)}>
            {label(all)}
          </Option>
          {bulkItemStates.map((s) => (
            <Option key={s} value={s} text={label(s)}>
              {label(s)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {items.error ? <ErrorBar error={items.error} title="The items could not be read" /> : null}
      {items.isPending ? <Spinner label="Reading the items" /> : null}
      {items.data ? (
        <>
          <Table aria-label="Job items" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.narrow}>Row</TableHeaderCell>
                <TableHeaderCell>Tenant</TableHeaderCell>
                <TableHeaderCell className={styles.targetColumn}>Target</TableHeaderCell>
                <TableHeaderCell className={styles.stateColumn}>State</TableHeaderCell>
                <TableHeaderCell className={styles.narrow}>Tries</TableHeaderCell>
                <TableHeaderCell>Why</TableHeaderCell>
                <TableHeaderCell className={styles.timeColumn}>Finished at</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((item) => (
                <TableRow key={item.id}>
                  <TableCell>{item.row}</TableCell>
                  <TableCell>{tenantLabel(item.tenant, item.tenantId)}</TableCell>
                  <TableCell>
                    <Target item={item} userPages={targetsAreUsers} />
                  </TableCell>
                  <TableCell>
                    <ItemStateBadge state={item.state} />
                  </TableCell>
                  <TableCell>{item.tries}</TableCell>
                  <TableCell>
                    {item.error ? (
                      <>
                        {item.error.message}
                        {item.error.fix ? <div className={styles.muted}>Fix: {item.error.fix}</div> : null}
                      </>
                    ) : null}
                  </TableCell>
                  <TableCell>{item.finishedAt ? timeFormat.format(new Date(item.finishedAt)) : ""}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <div className={styles.footer}>
            <Text>{rows.length === 0 ? "No items in this state." : `${rows.length.toLocaleString()} items shown${items.hasNextPage ? "; more exist" : ""}.`}</Text>
            {items.hasNextPage ? (
              <Button onClick={() => void items.fetchNextPage()} disabled={items.isFetchingNextPage}>
                Load more
              </Button>
            ) : null}
          </div>
        </>
      ) : null}
    </section>
  );
}
