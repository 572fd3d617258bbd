// What the CLI prints after a write: the state, the target, each changed property before -> after, the
// warnings, and a generated password once. A refusal or failure goes to stderr with the fix, exit code 1.
import { actionById } from "../catalog/catalog.ts";
import type { ActionId } from "../catalog/action-ids.ts";
import type { WriteAnswer } from "./action-call.ts";
import { formatRows, type OutputFormat } from "./output.ts";
import { terminalText } from "./terminal-text.ts";

/** Names for ids in before/after values (product names for SKU ids, plan names for plan ids). */
export type ValueLabel = (value: string) => string | undefined;

function labelled(value: unknown, label: ValueLabel | undefined): unknown {
  if (!label) return value;
  if (typeof value === "string") return label(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => labelled(v, label));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [label(k) ?? k, labelled(v, label)]));
  return value;
}

function shown(value: unknown): string {
  return value === null || value === undefined ? "(none)" : JSON.stringify(value);
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function changes(answer: WriteAnswer, label: ValueLabel | undefined): { property: string; before: unknown; after: unknown }[] {
  const before = (answer.run?.before ?? {}) as Record<string, unknown>;
  const after = (answer.run?.after ?? {}) as Record<string, unknown>;
  const properties = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((p) => JSON.stringify(before[p] ?? null) !== JSON.stringify(after[p] ?? null));
  return properties.map((property) => ({ property, before: labelled(before[property], label), after: labelled(after[property], label) }));
}

function targetText(answer: WriteAnswer): string {
  const target = answer.run?.target;
  if (!target) return "";
  return ` on ${target.kind} ${target.display ?? target.id ?? ""}`.trimEnd();
}

function refusalText(answer: WriteAnswer): string {
  const error = answer.error ?? answer.run?.error ?? { message: "The action did not succeed." };
  const state = answer.run?.state === "refused" ? "Refused" : "Failed";
  const lines = [`${state}: ${error.message}`];
  if ("fix" in error && error.fix) lines.push(`Fix: ${error.fix}`);
  if ("graphRequestId" in error && error.graphRequestId) lines.push(`Graph request id: ${error.graphRequestId}`);
  return `${lines.join("\n")}\n`;
}

/** Prints a write's outcome as `--output` says; returns whether it succeeded (else the exit code is 1). */
export function printWrite(output: OutputFormat, action: ActionId, answer: WriteAnswer, label?: ValueLabel): boolean {
  const succeeded = answer.run?.state === "succeeded";
  if (!succeeded) {
    process.exitCode = 1;
    process.stderr.write(terminalText(refusalText(answer)));
  }
  // A generated password, an invitation's redemption link: shown once, each on a line of its own.
  const secrets = Object.entries(answer.secret ?? {}).map(([name, value]) => `${name} (shown once, Tenantry keeps no copy): ${String(value)}`);
  if (output === "json") {
    process.stdout.write(`${JSON.stringify({ run: answer.run, replayed: answer.replayed, ...(answer.secret ? { secret: answer.secret } : {}) }, null, 2)}\n`);
    return succeeded;
  }
  const rows = changes(answer, label);
  if (output === "csv") {
    const base = { action, state: answer.run?.state ?? "", target: answer.run?.target?.display ?? answer.run?.target?.id ?? "" };
    const csvRows = rows.map((r) => ({ ...base, property: r.property, before: cell(r.before), after: cell(r.after) }));
    process.stdout.write(formatRows("csv", csvRows));
    // Not CSV cells: CSV defuses a leading = + - @ with a quote, which would change a password.
    for (const line of secrets) process.stderr.write(`${line}\n`);
    return succeeded;
  }
  if (!succeeded) return false;
  const lines = [`Succeeded: ${actionById(action).title}${targetText(answer)}${answer.replayed ? " (the stored outcome of this idempotency key; nothing was run again)" : ""}`];
  for (const row of rows) lines.push(`  ${row.property}: ${shown(row.before)} -> ${shown(row.after)}`);
  if (rows.length === 0) lines.push("  (nothing differs from before: it was already so)");
  for (const warning of answer.run?.warnings ?? []) lines.push(`  warning: ${warning}`);
  for (const line of secrets) lines.push(`  ${line}`);
  process.stdout.write(terminalText(`${lines.join("\n")}\n`));
  return true;
}
