import { Command } from "commander";
import { registerAccessCommand } from "./access-command.ts";
import { registerAppCommand } from "./app-command.ts";
import { registerAuditCommand } from "./audit-command.ts";
import { registerCloudCommand } from "./cloud-command.ts";
import { registerGroupsCommand } from "./groups-command.ts";
import { registerJobsCommand } from "./jobs-command.ts";
import { registerLicensesCommand } from "./licenses-command.ts";
import { registerOperatorsCommand } from "./operators-command.ts";
import { registerPermissionsCommand } from "./permissions-command.ts";
import { registerRoleAssignmentsCommand } from "./role-assignments-command.ts";
import { registerRolesCommand } from "./roles-command.ts";
import { registerServeCommand } from "./serve-command.ts";
import { registerSyncCommand } from "./sync-command.ts";
import { registerTemplatesCommand } from "./templates-command.ts";
import { registerTenantGroupsCommand } from "./tenant-groups-command.ts";
import { registerTenantsCommand } from "./tenants-command.ts";
import { registerUsersCommand } from "./users-command.ts";
import { registerWorkerCommand } from "./worker-command.ts";

const program = new Command()
  .name("tenantry")
  .description("Manage many Microsoft 365 / Entra ID tenants from one place")
  .showHelpAfterError();

registerServeCommand(program);
registerWorkerCommand(program);
registerCloudCommand(program);
registerTenantsCommand(program);
registerAppCommand(program);
registerPermissionsCommand(program);
registerAuditCommand(program);
registerUsersCommand(program);
registerLicensesCommand(program);
registerGroupsCommand(program);
registerTemplatesCommand(program);
registerJobsCommand(program);
registerOperatorsCommand(program);
registerRolesCommand(program);
registerRoleAssignmentsCommand(program);
registerTenantGroupsCommand(program);
registerAccessCommand(program);
registerSyncCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`tenantry: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
