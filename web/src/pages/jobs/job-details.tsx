import { makeStyles, Spinner, Subtitle2, Text, Title2, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { type BulkJob, useJob, useRefreshJobItems } from "../../api/jobs.ts";
import { AppLink } from "../../app/app-link.tsx";
import { ErrorBar } from "../../app/error-bar.tsx";
import { JobControls } from "./job-controls.tsx";
import { JobBar, JobStateBadge } from "./job-badges.tsx";
import { JobItems } from "./job-items.tsx";
import type { ActionSummary } from "./action-summary.ts";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  title: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  flush: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  figures: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(120px, 1fr))", gap: tokens.spacingHorizontalM, margin: 0 },
  figure: { display: "flex", flexDirection: "column-reverse", margin: 0 },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  template: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, margin: 0, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium, whiteSpace: "pre-wrap" },
});

const sources: Record<BulkJob["source"], string> = { ids: "chosen users", search: "a search", csv: "a CSV file" };

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${seconds % 60} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function Figures({ job }: { readonly job: BulkJob }) {
  const styles = useStyles();
  const p = job.progress;
  const eta = p.remaining === 0 ? "done" : p.etaSeconds === null ? (job.state === "running" ? "estimating" : "not moving") : duration(p.etaSeconds);
  const figures: [string, string][] = [
    ["Done", `${p.done.toLocaleString()} of ${p.total.toLocaleString()}`],
    ["Succeeded", p.succeeded.toLocaleString()],
    ["Failed", p.failed.toLocaleString()],
    ["Refused", p.refused.toLocaleString()],
    ["Skipped", p.skipped.toLocaleString()],
    ["Remaining", p.remaining.toLocaleString()],
    ["Rate", `${p.ratePerSecond.toLocaleString()} / s`],
    ["Time left", eta],
  ];
  return (
    <dl className={styles.figures} aria-label="Progress figures">
      {figures.map(([term, value]) => (
        <div key={term} className={styles.figure}>
          <dt className={styles.muted}>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One job: live progress while it runs (asked every second), its controls and its items. */
export function JobDetails({ jobId, describe }: { readonly jobId: string; readonly describe: (actionId: string) => ActionSummary }) {
  const styles = useStyles();
  const job = useJob(jobId);
  const refreshItems = useRefreshJobItems(jobId);
  const moved = job.data ? `${job.data.state}:${job.data.progress.done}:${job.data.progress.running}` : undefined;
  const seen = useRef(moved);
  useEffect(() => {
    if (moved === seen.current) return;
    seen.current = moved;
    refreshItems();
  }, [moved, refreshItems]);

  const back = <AppLink href="/jobs">All bulk jobs</AppLink>;
  if (job.isPending) return <Spinner label="Reading the job" />;
  if (job.error) {
    return (
      <div className={styles.page}>
        {back}
        <ErrorBar error={job.error} title="The job could not be read" />
      </div>
    );
  }
  const data = job.data;
  const { title, targetProperty } = describe(data.action);
  return (
    <div className={styles.page}>
      {back}
      <div className={styles.title}>
        <Title2 as="h1" className={styles.flush}>{title}</Title2>
        <JobStateBadge state={data.state} />
      </div>
      <Text className={styles.muted}>
        {data.action} over {sources[data.source]}, created by {data.createdBy.name} on {new Date(data.createdAt).toLocaleString()}.
      </Text>
      <JobControls job={data} />
      <section aria-label="Progress" className={styles.progress}>
        <JobBar job={data} label={`Progress of ${title}`} />
        <Figures job={data} />
      </section>
      <section aria-label="Template" className={styles.progress}>
        <Subtitle2 as="h2" className={styles.flush}>What every item gets</Subtitle2>
        <pre className={styles.template}>{JSON.stringify(data.input, null, 2)}</pre>
      </section>
      <Subtitle2 as="h2" className={styles.flush}>Items</Subtitle2>
      <JobItems job={data} targetsAreUsers={targetProperty !== "groupId"} />
    </div>
  );
}
