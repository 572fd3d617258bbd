import { type Command, InvalidArgumentError, Option } from "commander";
import type { GroupDetails, GroupRow, MemberRow } from "../actions/reads/groups-read.ts";
import { actionIds } from "../catalog/action-ids.ts";
import { type ActionOptions, readAction, withActionOptions, writeAction } from "./action-call.ts";
import { type ListPage, listPageOptions, type PageOptions, pageInput, printPage, scalars } from "./list-page.ts";
import { formatRows } from "./output.ts";
import { printWrite } from "./run-summary.ts";
import { terminalText } from "./terminal-text.ts";

interface SetOptions extends ActionOptions {
  readonly displayName?: string;
  readonly description?: string;
  readonly mailNickname?: string;
  readonly visibility?: string;
  readonly clear?: string[];
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A member by object id, or a user by user principal name (read first to get its id). */
async function memberId(options: ActionOptions, member: string): Promise<string> {
  if (guid.test(member)) return member;
  return (await readAction<{ id: string }>(options, actionIds.usersGet, { userId: member })).id;
}

function groupRow(g: GroupRow) {
  return { displayName: g.displayName, kind: g.kind, membership: g.membership, mail: g.mail, synced: g.synced, roleAssignable: g.isAssignableToRole, licences: g.licenseNames.join("; "), id: g.id };
}

function memberRow(m: MemberRow) {
  return { displayName: m.displayName, type: m.type, userPrincipalName: m.userPrincipalName, mail: m.mail, enabled: m.accountEnabled, id: m.id };
}

function detailsText(group: GroupDetails): string {
  const lines = [`${group.displayName ?? group.id}`];
  const shown = Object.entries(scalars(group)).filter(([key, value]) => !["displayName", "licenseNames"].includes(key) && value !== null && value !== "");
  for (const [key, value] of shown) lines.push(`  ${key}: ${value}`);
  lines.push(`  licences:${group.licenses.length ? "" : " (none)"}`);
  for (const l of group.licenses) lines.push(`    ${l.productName}${l.disabledPlans.length ? `; plans off: ${l.disabledPlans.join(", ")}` : ""}`);
  return terminalText(`${lines.join("\n")}\n`);
}

function clearable(value: string, previous: string[] = []): string[] {
  if (value !== "description") throw new InvalidArgumentError("only the description can be cleared.");
  return [...previous, value];
}

function memberWrite(groups: Command, name: string, add: boolean): void {
  withActionOptions(groups.command(`${name} <group> <member>`).description(`${add ? "Add" : "Remove"} a member (user principal name or object id) ${add ? "to" : "from"} a group`), "write").action(
    async (groupId: string, member: string, options: ActionOptions) => {
      const action = add ? actionIds.groupsAddMember : actionIds.groupsRemoveMember;
      printWrite(options.output, action, await writeAction(options, action, { groupId, memberId: await memberId(options, member) }));
    },
  );
}

/** `tenantry groups ...`: a tenant's groups and their members. */
export function registerGroupsCommand(program: Command): void {
  const groups = program.command("groups").description("Groups of a customer tenant");

  const list = withActionOptions(groups.command("list").description("List groups, one page at a time"), "read").option("--search <text>", "a word of the name, or the start of the mail address");
  listPageOptions(list).action(async (options: ActionOptions & PageOptions & { search?: string }) => {
    printPage(options, await readAction<ListPage<GroupRow>>(options, actionIds.groupsList, { ...(options.search ? { search: options.search } : {}), ...pageInput(options) }), groupRow);
  });

  withActionOptions(groups.command("get <group>").description("Show a group with its kind, licences and sync state"), "read").action(async (groupId: string, options: ActionOptions) => {
    const group = await readAction<GroupDetails>(options, actionIds.groupsGet, { groupId });
    process.stdout.write(options.output === "table" ? detailsText(group) : formatRows(options.output, [scalars(group)], group));
  });

  const members = withActionOptions(groups.command("members <group>").description("List a group's members"), "read").option("--transitive", "include members of nested groups");
  listPageOptions(members).action(async (groupId: string, options: ActionOptions & PageOptions & { transitive?: boolean }) => {
    printPage(options, await readAction<ListPage<MemberRow>>(options, actionIds.groupsListMembers, { groupId, transitive: options.transitive === true, ...pageInput(options) }), memberRow);
  });

  memberWrite(groups, "add-member", true);
  memberWrite(groups, "remove-member", false);

  withActionOptions(groups.command("set <group>").description("Change a group's name, description, mail alias or visibility"), "write")
    .option("--display-name <name>", "new display name")
    .option("--description <text>", "new description")
    .option("--mail-nickname <alias>", "new mail alias")
    .addOption(new Option("--visibility <visibility>", "Public or Private (Microsoft 365 groups)").choices(["Public", "Private"]))
    .option("--clear <property>", "remove the description", clearable)
    .action(async (groupId: string, options: SetOptions) => {
      const changes = {
        ...(options.displayName !== undefined ? { displayName: options.displayName } : {}),
        ...(options.description !== undefined ? { description: options.description } : {}),
        ...(options.clear?.includes("description") ? { description: null } : {}),
        ...(options.mailNickname !== undefined ? { mailNickname: options.mailNickname } : {}),
        ...(options.visibility !== undefined ? { visibility: options.visibility } : {}),
      };
      if (Object.keys(changes).length === 0) throw new Error("Nothing to change: give --display-name, --description, --mail-nickname, --visibility or --clear description.");
      printWrite(options.output, actionIds.groupsUpdateProperties, await writeAction(options, actionIds.groupsUpdateProperties, { groupId, changes }));
    });
}
