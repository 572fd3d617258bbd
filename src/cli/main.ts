import { Command } from "commander";
import { registerCloudCommand } from "./cloud-command.ts";

const program = new Command()
  .name("tenantry")
  .description("Manage many Microsoft 365 / Entra ID tenants from one place")
  .showHelpAfterError();

registerCloudCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`tenantry: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
