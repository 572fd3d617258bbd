import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular, DismissCircleRegular, PauseRegular, PlayRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { type BulkJob, useJobControl } from "../../api/jobs.ts";
import { ErrorBar } from "../../app/error-bar.tsx";

const useStyles = makeStyles({
  controls: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** Pause, resume, cancel (after a confirmation), retry the failed items: each offered when the job's state allows it. */
export function JobControls({ job }: { readonly job: BulkJob }) {
  const styles = useStyles();
  const control = useJobControl(job.id);
  const [confirming, setConfirming] = useState(false);
  const busy = control.isPending;
  const open = job.state === "running" || job.state === "paused";
  return (
    <>
      <div className={styles.controls}>
        {job.state === "running" ? (
          <Button icon={<PauseRegular />} disabled={busy} onClick={() => control.mutate("pause")}>
            Pause
          </Button>
        ) : null}
        {job.state === "paused" ? (
          <Button appearance="primary" icon={<PlayRegular />} disabled={busy} onClick={() => control.mutate("resume")}>
            Resume
          </Button>
        ) : null}
        {open ? (
          <Button icon={<DismissCircleRegular />} disabled={busy} onClick={() => setConfirming(true)}>
            Cancel job
          </Button>
        ) : null}
        <Button icon={<ArrowClockwiseRegular />} disabled={busy || job.state === "cancelled" || job.progress.failed === 0} onClick={() => control.mutate("retry-failed")}>
          Retry failed ({job.progress.failed})
        </Button>
      </div>
      {control.error ? <ErrorBar error={control.error} title="The job could not be changed" /> : null}
      <Dialog open={confirming} onOpenChange={(_, data) => setConfirming(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Cancel this job?</DialogTitle>
            <DialogContent>The {job.progress.remaining.toLocaleString()} items not yet done are skipped; what is done stays done. A cancelled job cannot be resumed.</DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="secondary">Keep it running</Button>
              </DialogTrigger>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirming(false);
                  control.mutate("cancel");
                }}
              >
                Cancel the job
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
