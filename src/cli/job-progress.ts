// A bulk job's progress for people: a bar redrawn in place in a terminal, one plain line per change otherwise.
import type { BulkJobView } from "../jobs/bulk/bulk-jobs-service.ts";

const barWidth = 30;

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, "0")}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}m`;
}

/** "412/1000 done, 3 failed, 585 left, 12.5/s, ETA 47s (running)". */
export function progressLine(job: BulkJobView): string {
  const p = job.progress;
  const parts = [`${p.done}/${p.total} done`];
  if (p.failed > 0) parts.push(`${p.failed} failed`);
  if (p.refused > 0) parts.push(`${p.refused} refused`);
  if (p.skipped > 0) parts.push(`${p.skipped} skipped`);
  parts.push(`${p.remaining} left`, `${p.ratePerSecond}/s`);
  if (p.etaSeconds !== null && p.remaining > 0) parts.push(`ETA ${duration(p.etaSeconds)}`);
  return `${parts.join(", ")} (${job.state})`;
}

export function progressBar(job: BulkJobView): string {
  const filled = Math.round((job.progress.percent / 100) * barWidth);
  return `[${"#".repeat(filled)}${".".repeat(barWidth - filled)}] ${job.progress.percent.toFixed(1).padStart(5)}% ${progressLine(job)}`;
}

export function isOver(job: BulkJobView): boolean {
  return job.state === "finished" || job.state === "cancelled";
}

/** Follows a job until it is finished or cancelled, drawing its progress; returns the last view. */
export async function watchJob(read: () => Promise<BulkJobView>, intervalMs = 1000): Promise<BulkJobView> {
  const terminal = process.stderr.isTTY === true;
  let last = "";
  for (;;) {
    const job = await read();
    const line = terminal ? progressBar(job) : progressLine(job);
    if (terminal) process.stderr.write(`\r${line}\x1b[K`);
    else if (line !== last) process.stderr.write(`${line}\n`);
    last = line;
    if (isOver(job)) {
      if (terminal) process.stderr.write("\n");
      return job;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
