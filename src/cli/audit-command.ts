import { open } from "node:fs/promises";
import { type Command, InvalidArgumentError, Option } from "commander";
import { type AuditEntry, auditOutcomes } from "../audit/audit-entry.ts";
import { csvHeader, csvLine, jsonArrayChunks } from "../audit/audit-export.ts";
import type { VerifyResult } from "../audit/audit-verify.ts";
import { callApi } from "./api-client.ts";
import { type ApiCommandOptions, withApiOptions } from "./common-options.ts";
import { formatRows } from "./output.ts";

interface FilterOptions {
  readonly tenant?: string;
  readonly actor?: string;
  readonly target?: string;
  readonly action?: string;
  readonly outcome?: string;
  readonly since?: string;
  readonly until?: string;
}

interface ListOptions extends ApiCommandOptions, FilterOptions {
  readonly limit: string;
  readonly cursor?: string;
}

interface ExportOptions extends ApiCommandOptions, FilterOptions {
  readonly format: "csv" | "json";
  readonly file?: string;
}

type Page = { value: AuditEntry[]; nextCursor: string | null };

const unitMs: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** An ISO time, or a span back from now such as 30m, 12h or 7d. */
function time(value: string): string {
  const span = /^(\d{1,6})([mhd])$/.exec(value);
  if (span) return new Date(Date.now() - Number(span[1]) * unitMs[span[2]!]!).toISOString();
  if (Number.isNaN(Date.parse(value))) throw new InvalidArgumentError("must be an ISO 8601 time (2025-01-31T08:00:00Z) or a span back from now (30m, 12h, 7d).");
  return new Date(value).toISOString();
}

function withFilters(command: Command): Command {
  return command
    .option("--tenant <tenant>", "tenant id or domain")
    .option("--actor <actor>", "operator name or id")
    .option("--target <target>", "target id, or text in its display name")
    .option("--action <action>", "action id, such as user.update")
    .addOption(new Option("--outcome <outcome>", "outcome").choices(auditOutcomes))
    .option("--since <time>", "from this time (ISO 8601, or 30m, 12h, 7d ago)", time)
    .option("--until <time>", "before this time (ISO 8601, or 30m, 12h, 7d ago)", time);
}

function query(options: FilterOptions, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  const values = { tenant: options.tenant, actor: options.actor, target: options.target, action: options.action, outcome: options.outcome, since: options.since, until: options.until, ...extra };
  for (const [key, value] of Object.entries(values)) if (value !== undefined) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}

function row(e: AuditEntry) {
  return {
    seq: e.sequence,
    time: e.occurredAt,
    actor: e.actor.name,
    via: e.actor.via,
    action: e.action,
    tenant: e.tenantId ?? "",
    target: e.target ? `${e.target.kind}:${e.target.display ?? e.target.id ?? ""}` : "",
    outcome: e.outcome,
    ms: e.durationMs,
  };
}

function verifyText(result: VerifyResult): string {
  if (result.ok) return `The audit log is intact: ${result.entries} entries verified${result.head ? `; head is entry ${result.head.sequence}, hash ${result.head.hash}` : ""}.\n`;
  return `The audit log is BROKEN at entry ${result.firstBadSequence} (${result.reason}): ${result.message}\n${result.entries} entries before it verified.\n`;
}

/** `tenantry audit list|verify|export`: the append-only audit log. */
export function registerAuditCommand(program: Command): void {
  const audit = program.command("audit").description("The append-only, tamper-evident audit log");

  withFilters(withApiOptions(audit.command("list").description("List audit entries, newest first")))
    .option("--limit <n>", "entries on the page (1-500)", "100")
    .option("--cursor <cursor>", "the next cursor printed by the previous page")
    .action(async (options: ListOptions) => {
      const page = await callApi<Page>(options, "GET", `/api/audit${query(options, { limit: options.limit, cursor: options.cursor })}`);
      process.stdout.write(formatRows(options.output, page.value.map(row), page));
      if (page.nextCursor && options.output === "table") process.stderr.write(`More entries: add --cursor ${page.nextCursor}\n`);
    });

  withApiOptions(audit.command("verify").description("Recompute the hash chain; exits with 1 when an entry was edited, deleted, reordered or inserted")).action(async (options: ApiCommandOptions) => {
    const result = await callApi<VerifyResult>(options, "POST", "/api/audit/verify");
    if (options.output === "table") (result.ok ? process.stdout : process.stderr).write(verifyText(result));
    else process.stdout.write(formatRows(options.output, [{ ...result, head: result.ok ? (result.head?.hash ?? null) : undefined }], result));
    if (!result.ok) process.exitCode = 1;
  });

  withFilters(withApiOptions(audit.command("export").description("Export the matching entries, oldest first, as CSV or JSON")))
    .addOption(new Option("--format <format>", "csv or json").choices(["csv", "json"]).makeOptionMandatory())
    .option("--file <path>", "write to this file instead of the standard output")
    .action(async (options: ExportOptions) => {
      const file = options.file ? await open(options.file, "w") : undefined;
      const write = async (text: string) => {
        if (file) await file.write(text);
        else if (!process.stdout.write(text)) await new Promise((resolve) => process.stdout.once("drain", resolve));
      };
      try {
        const json = jsonArrayChunks();
        await write(options.format === "csv" ? csvHeader() : json.open);
        let cursor: string | undefined;
        let count = 0;
        do {
          const page = await callApi<Page>(options, "GET", `/api/audit${query(options, { order: "asc", limit: "500", cursor })}`);
          await write(page.value.map((entry) => (options.format === "csv" ? csvLine(entry) : json.item(entry))).join(""));
          count += page.value.length;
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        if (options.format === "json") await write(json.close());
        if (options.file) process.stderr.write(`Exported ${count} entries to ${options.file}.\n`);
      } finally {
        await file?.close();
      }
    });
}
