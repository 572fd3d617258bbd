import { Button, makeStyles, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from "@fluentui/react-components";
import { useJobs } from "../../api/jobs.ts";
import { AppLink } from "../../app/app-link.tsx";
import { ErrorBar } from "../../app/error-bar.tsx";
import { JobProgressBar, JobStateBadge } from "./job-badges.tsx";

const useStyles = makeStyles({
  footer: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalS },
  id: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function JobsList({ actionTitle }: { readonly actionTitle: (actionId: string) => string }) {
  const styles = useStyles();
  const jobs = useJobs();
  if (jobs.isPending) return <Spinner label="Reading the bulk jobs" />;
  if (jobs.error) return <ErrorBar error={jobs.error} title="The bulk jobs could not be read" />;
  const rows = jobs.data.pages.flatMap((page) => page.value);
  return (
    <>
      <Table aria-label="Bulk jobs" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Action</TableHeaderCell>
            <TableHeaderCell>State</TableHeaderCell>
            <TableHeaderCell>Progress</TableHeaderCell>
            <TableHeaderCell>Created by</TableHeaderCell>
            <TableHeaderCell>Started</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((job) => (
            <TableRow key={job.id}>
              <TableCell>
                <AppLink href={`/jobs/${job.id}`}>{actionTitle(job.action)}</AppLink>
                <div className={styles.id}>{job.action}</div>
              </TableCell>
              <TableCell>
                <JobStateBadge state={job.state} />
              </TableCell>
              <TableCell>
                <JobProgressBar job={job} label={`Progress of ${actionTitle(job.action)}`} />
              </TableCell>
              <TableCell>{job.createdBy.name}</TableCell>
              <TableCell>{timeFormat.format(new Date(job.progress.startedAt ?? job.createdAt))}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className={styles.footer}>
        <Text role="status">{rows.length === 0 ? "No bulk jobs yet." : `${rows.length} ${rows.length === 1 ? "job" : "jobs"}${jobs.hasNextPage ? "; older ones exist" : ""}.`}</Text>
        {jobs.hasNextPage ? (
          <Button onClick={() => void jobs.fetchNextPage()} disabled={jobs.isFetchingNextPage}>
            Load more
          </Button>
        ) : null}
      </div>
    </>
  );
}
