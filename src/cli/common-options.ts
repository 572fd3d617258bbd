import { type Command, InvalidArgumentError, Option } from "commander";
import type { ApiClientOptions } from "./api-client.ts";
import { type OutputFormat, outputFormats } from "./output.ts";

export const defaultDataDir = ".tenantry";

/** `--url`, `--data-dir` and `--output`, shared by every command that talks to the API. */
export function withApiOptions(command: Command): Command {
  return command
    .option("--url <url>", "where Tenantry's API answers", process.env.TENANTRY_URL ?? "http://localhost:3000")
    .option("--data-dir <dir>", "data directory of a local `tenantry serve` (for its admin token)", defaultDataDir)
    .addOption(new Option("--output <format>", "table, json or csv").choices(outputFormats).default("table"));
}

export interface ApiCommandOptions extends ApiClientOptions {
  readonly output: OutputFormat;
}

export function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError("must be a port number from 0 to 65535.");
  return n;
}
