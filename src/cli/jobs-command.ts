import { readFile } from "node:fs/promises";
import { type Command, Option } from "commander";
import type { PlannedItem } from "../jobs/bulk/bulk-dry-run.ts";
import type { BulkJobView, JobControl, RejectedTarget } from "../jobs/bulk/bulk-jobs-service.ts";
import type { StoredBulkItem } from "../jobs/bulk/bulk-jobs-store.ts";
import { bulkItemStates } from "../jobs/bulk/bulk-job.ts";
import { callApi } from "./api-client.ts";
import { type ApiCommandOptions, withApiOptions } from "./common-options.ts";
import { progressLine, watchJob } from "./job-progress.ts";
import { formatRows } from "./output.ts";
import { terminalText } from "./terminal-text.ts";

interface RunOptions extends ApiCommandOptions {
  readonly action: string;
  readonly input?: string;
  readonly users?: string;
  readonly tenant?: string;
  readonly csv?: string;
  readonly dryRun?: boolean;
  readonly watch?: boolean;
}

interface DryRunAnswer {
  readonly items: readonly PlannedItem[];
  readonly summary: Readonly<Record<string, number>>;
}

const jobPath = (id: string) => `/api/jobs/${encodeURIComponent(id)}`;

function template(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`--input is not JSON: ${text}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error('--input must be a JSON object, e.g. \'{"changes":{"department":"Sales"}}\'.');
  return parsed as Record<string, unknown>;
}

function jobRow(job: BulkJobView) {
  return { id: job.id, action: job.action, state: job.state, createdBy: job.createdBy.name, createdAt: job.createdAt, progress: progressLine(job) };
}

/** "jobTitle: "A" -> "B"" for each property the item would change. */
function changeText(item: PlannedItem): string {
  const changes = (item.change?.changes ?? item.change ?? {}) as Record<string, unknown>;
  const before = item.before ?? {};
  return Object.entries(changes)
    .filter(([property]) => property in before)
    .map(([property, value]) => `${property}: ${JSON.stringify(before[property] ?? null)} -> ${JSON.stringify(value)}`)
    .join("; ");
}

function printDryRun(options: ApiCommandOptions, answer: DryRunAnswer): void {
  const rows = answer.items.map((item) => ({
    row: item.row,
    tenant: item.tenant,
    target: item.object?.display ?? item.target,
    outcome: item.outcome,
    change: item.outcome === "would-change" ? changeText(item) : "",
    reason: item.error?.message ?? item.warnings.join("; "),
  }));
  process.stdout.write(formatRows(options.output, rows, answer));
  if (options.output === "table") process.stderr.write(`Dry run, nothing changed: ${answer.summary["would-change"]} would change, ${answer.summary["would-refuse"]} would be refused, ${answer.summary.unchecked} could not be checked.\n`);
}

function printRejected(rejected: readonly RejectedTarget[]): void {
  if (rejected.length === 0) return;
  process.stderr.write(`${rejected.length} row(s) will not run:\n`);
  for (const r of rejected) process.stderr.write(terminalText(`  row ${r.row} (${r.tenant} ${r.target}): ${r.error.message}\n`));
}

function printJob(options: ApiCommandOptions, job: BulkJobView, watched = false): void {
  process.stdout.write(formatRows(options.output, [jobRow(job)], job));
  // A job followed to its end answers like a command: not all succeeded is exit code 1.
  if (watched && job.progress.failed > 0) process.exitCode = 1;
}

async function run(options: RunOptions): Promise<void> {
  const input = template(options.input);
  const dryRun = options.dryRun === true;
  let answer: Record<string, unknown>;
  if (options.csv) {
    if (options.users || options.tenant) throw new Error("Choose one: --csv <file>, or --users with --tenant.");
    const csv = await readFile(options.csv, "utf8");
    answer = await callApi(options, "POST", "/api/jobs/csv", { action: options.action, input, csv, dryRun });
  } else {
    if (!options.users || !options.tenant) throw new Error("Say which users: --users a@contoso.com,b@contoso.com with --tenant, or --csv <file>.");
    const ids = options.users.split(",").map((u) => u.trim()).filter(Boolean);
    answer = await callApi(options, "POST", "/api/jobs", { action: options.action, input, targets: [{ tenant: options.tenant, ids }], dryRun });
  }
  if (dryRun) return printDryRun(options, answer as unknown as DryRunAnswer);
  const created = answer as unknown as { job: BulkJobView; rejected: RejectedTarget[] };
  printRejected(created.rejected);
  if (options.output === "table") process.stderr.write(`Job ${created.job.id} queued: ${created.job.progress.total} item(s). Follow it with \`tenantry jobs get ${created.job.id} --watch\`.\n`);
  if (options.watch) printJob(options, await watchJob(() => callApi(options, "GET", jobPath(created.job.id))), true);
  else printJob(options, created.job);
}

/** `tenantry jobs ...`: bulk jobs, i.e. one action over many users or groups in one or many tenants. */
export function registerJobsCommand(program: Command): void {
  const jobs = program.command("jobs").description("Bulk jobs: one action over many users in one or many tenants");

  withApiOptions(jobs.command("run").description("Run an action over users given by --users and --tenant, or by a CSV (columns tenant,user and input properties such as jobTitle)"))
    .addOption(new Option("--action <id>", "the catalog action, e.g. users.update-properties").makeOptionMandatory())
    .option("--input <json>", "what every item shares, e.g. '{\"changes\":{\"department\":\"Sales\"}}'")
    .option("--users <list>", "user principal names or object ids, comma-separated")
    .option("--tenant <tenant>", "the tenant of --users: its id or one of its domains")
    .option("--csv <file>", "a CSV file: tenant,user[,property...] with one user per line")
    .option("--dry-run", "only show what would change and what would be refused, and why")
    .option("--watch", "follow the job until it is done")
    .action(run);

  withApiOptions(jobs.command("list").description("The jobs you created or whose tenants you see, newest first")).action(async (options: ApiCommandOptions) => {
    const page = await callApi<{ value: BulkJobView[]; nextCursor: string | null }>(options, "GET", "/api/jobs");
    process.stdout.write(formatRows(options.output, page.value.map(jobRow), page));
  });

  withApiOptions(jobs.command("get <id>").description("A job's progress: done, failed, remaining, rate and ETA"))
    .option("--watch", "follow the job until it is done (a progress bar in a terminal)")
    .action(async (id: string, options: ApiCommandOptions & { watch?: boolean }) => {
      const read = () => callApi<BulkJobView>(options, "GET", jobPath(id));
      if (options.watch) printJob(options, await watchJob(read), true);
      else printJob(options, await read());
    });

  withApiOptions(jobs.command("items <id>").description("A job's items with their outcome"))
    .addOption(new Option("--state <state>", "only items in this state").choices(bulkItemStates))
    .action(async (id: string, options: ApiCommandOptions & { state?: string }) => {
      const page = await callApi<{ value: StoredBulkItem[]; nextCursor: string | null }>(options, "GET", `${jobPath(id)}/items?limit=1000${options.state ? `&state=${options.state}` : ""}`);
      const rows = page.value.map((i) => ({ row: i.row, tenant: i.tenant, target: i.target, state: i.state, attempt: i.attempt, run: i.runId, reason: i.error?.message }));
      process.stdout.write(formatRows(options.output, rows, page));
    });

  const controls: readonly [JobControl, string][] = [
    ["pause", "Pause a job: running items finish, the others wait"],
    ["resume", "Resume a paused job"],
    ["cancel", "Cancel a job: items not started are skipped"],
    ["retry-failed", "Run the failed items of a job again (each with a new idempotency key)"],
  ];
  for (const [control, description] of controls) {
    withApiOptions(jobs.command(`${control} <id>`).description(description)).action(async (id: string, options: ApiCommandOptions) => {
      printJob(options, await callApi<BulkJobView>(options, "POST", `${jobPath(id)}/${control}`));
    });
  }
}
