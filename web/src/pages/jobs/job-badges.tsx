import { Badge, type BadgeProps, makeStyles, ProgressBar, Text, tokens } from "@fluentui/react-components";
import type { BulkItemState, BulkJob } from "../../api/jobs.ts";

const useStyles = makeStyles({
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: "160px" },
});

const jobStates: Record<BulkJob["state"], { label: string; color: BadgeProps["color"] }> = {
  running: { label: "Running", color: "brand" },
  paused: { label: "Paused", color: "warning" },
  cancelled: { label: "Cancelled", color: "subtle" },
  finished: { label: "Finished", color: "success" },
};

export const itemStates: Record<BulkItemState, { label: string; color: BadgeProps["color"] }> = {
  pending: { label: "Pending", color: "informative" },
  queued: { label: "Queued", color: "informative" },
  running: { label: "Running", color: "brand" },
  succeeded: { label: "Succeeded", color: "success" },
  failed: { label: "Failed", color: "danger" },
  refused: { label: "Refused", color: "severe" },
  skipped: { label: "Skipped", color: "subtle" },
};

export function JobStateBadge({ state }: { readonly state: BulkJob["state"] }) {
  return (
    <Badge appearance="filled" color={jobStates[state].color}>
      {jobStates[state].label}
    </Badge>
  );
}

export function ItemStateBadge({ state }: { readonly state: BulkItemState }) {
  return (
    <Badge appearance="tint" color={itemStates[state].color}>
      {itemStates[state].label}
    </Badge>
  );
}

/** Done of total as a bar: red once an item failed or was refused, green when all are done. */
export function JobBar({ job, label }: { readonly job: BulkJob; readonly label: string }) {
  const { progress } = job;
  const color = progress.failed + progress.refused > 0 ? "error" : progress.remaining === 0 ? "success" : "brand";
  return <ProgressBar aria-label={label} value={progress.total === 0 ? 1 : progress.done / progress.total} color={color} thickness="large" />;
}

/** Done of total, as a bar and in words. */
export function JobProgressBar({ job, label }: { readonly job: BulkJob; readonly label: string }) {
  const styles = useStyles();
  const { progress } = job;
  const problems = progress.failed + progress.refused;
  return (
    <div className={styles.progress}>
      <JobBar job={job} label={label} />
      <Text size={200}>
        {progress.done.toLocaleString()} of {progress.total.toLocaleString()} done
        {problems > 0 ? `, ${problems.toLocaleString()} failed or refused` : ""}
      </Text>
    </div>
  );
}
