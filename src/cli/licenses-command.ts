import type { Command } from "commander";
import type { SubscribedSku } from "../actions/reads/directory-read.ts";
import { actionIds } from "../catalog/action-ids.ts";
import { type ActionOptions, readAction, withActionOptions, writeAction } from "./action-call.ts";
import { formatRows } from "./output.ts";
import { printWrite, type ValueLabel } from "./run-summary.ts";

interface LicenceOptions extends ActionOptions {
  readonly sku: string;
  readonly disablePlan?: string[];
  readonly usageLocation?: string;
}

async function subscribedSkus(options: ActionOptions): Promise<SubscribedSku[]> {
  return (await readAction<{ value: SubscribedSku[] }>(options, actionIds.licensesListSubscribedSkus, {})).value;
}

/** Product and plan names for the ids and part numbers a licence run reports. */
function namesOf(skus: readonly SubscribedSku[]): ValueLabel {
  const names = new Map<string, string>();
  for (const sku of skus) {
    names.set(sku.skuId.toLowerCase(), sku.productName);
    names.set(sku.skuPartNumber.toLowerCase(), sku.productName);
    for (const plan of sku.servicePlans) {
      const name = plan.friendlyName ?? plan.servicePlanName ?? plan.servicePlanId;
      names.set(plan.servicePlanId.toLowerCase(), name);
      if (plan.servicePlanName) names.set(plan.servicePlanName.toLowerCase(), name);
    }
  }
  return (value) => names.get(value.toLowerCase());
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function licenceCommand(licenses: Command, name: string, target: "user" | "group", add: boolean): void {
  const command = withActionOptions(
    licenses
      .command(`${name} <${target}>`)
      .description(`${add ? "Assign a licence to" : "Remove a licence from"} a ${target}${target === "group" ? " (its members get it through group-based licensing)" : ""}`),
    "write",
  ).requiredOption("--sku <licence>", "product name, part number or SKU id");
  if (add) command.option("--disable-plan <plan>", "a service plan to switch off (repeatable)", collect);
  if (add && target === "user") command.option("--usage-location <country>", "set the user's usage location in the same run (two letters, e.g. DE); Microsoft needs one for licences");
  // The server resolves product names, part numbers and plan names, and refuses with the tenant's choices.
  command.action(async (targetId: string, options: LicenceOptions) => {
    const change = add ? { add: [{ sku: options.sku, disabledPlans: options.disablePlan ?? [] }] } : { remove: [options.sku] };
    const action = target === "user" ? actionIds.licensesAssignUser : actionIds.licensesAssignGroup;
    const input = target === "user" ? { userId: targetId, ...change, ...(options.usageLocation ? { usageLocation: options.usageLocation } : {}) } : { groupId: targetId, ...change };
    const answer = await writeAction(options, action, input);
    printWrite(options.output, action, answer, answer.run?.state === "succeeded" ? namesOf(await subscribedSkus(options)) : undefined);
  });
}

/** `tenantry licenses ...`: the tenant's licences, and assigning them to users and groups. */
export function registerLicensesCommand(program: Command): void {
  const licenses = program.command("licenses").description("Licences of a customer tenant");

  withActionOptions(licenses.command("list").description("The tenant's licences with their seats"), "read").action(async (options: ActionOptions) => {
    const skus = await subscribedSkus(options);
    const rows = skus.map((s) => ({ product: s.productName, partNumber: s.skuPartNumber, enabled: s.enabledUnits, consumed: s.consumedUnits, free: s.freeUnits, status: s.capabilityStatus, skuId: s.skuId }));
    process.stdout.write(formatRows(options.output, rows, skus));
  });

  licenceCommand(licenses, "assign", "user", true);
  licenceCommand(licenses, "remove", "user", false);
  licenceCommand(licenses, "assign-group", "group", true);
  licenceCommand(licenses, "remove-group", "group", false);
}
