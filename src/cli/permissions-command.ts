import { type Command, Option } from "commander";
import { explainPermissions } from "../catalog/permissions-explain.ts";
import { renderPermissionsMarkdown } from "../catalog/permissions-markdown.ts";
import { type OutputFormat, formatRows, outputFormats } from "./output.ts";

/** `tenantry permissions explain`: every permission Tenantry asks for, why, and which features use it. */
export function registerPermissionsCommand(program: Command): void {
  program
    .command("permissions")
    .description("What Tenantry asks customer tenants to grant")
    .command("explain")
    .description("Every permission, why it is needed and which features use it (from the action catalog)")
    .addOption(new Option("--output <format>", "table, json, csv or markdown").choices([...outputFormats, "markdown"]).default("table"))
    .action((options: { output: OutputFormat | "markdown" }) => {
      if (options.output === "markdown") {
        process.stdout.write(renderPermissionsMarkdown());
        return;
      }
      const explained = explainPermissions();
      const rows = explained.map((p) => ({ permission: p.name, modules: p.modules.join(" "), features: p.features.map((f) => f.title).join("; "), why: p.why.join(" ") }));
      process.stdout.write(formatRows(options.output, rows, explained));
    });
}
