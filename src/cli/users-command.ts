import { type Command, Option } from "commander";
import type { UserRow } from "../actions/reads/users-list.ts";
import { type ActionId, actionIds } from "../catalog/action-ids.ts";
import { type ActionOptions, readAction, withActionOptions, writeAction } from "./action-call.ts";
import { type ListPage, listPageOptions, type PageOptions, pageInput, printPage, scalars } from "./list-page.ts";
import { formatRows } from "./output.ts";
import { readSecretFromStdin } from "./stdin-secret.ts";
import { printWrite } from "./run-summary.ts";
import { createFieldsFrom, userChangesFrom, withUserCreateOptions, withUserSetOptions } from "./user-property-options.ts";
import { registerCreateFromTemplate } from "./users-create-from-template.ts";
import { registerUsersSearchCommand } from "./users-search-command.ts";
import { type UserDetails, userDetailsText } from "./user-details-text.ts";

interface ListOptions extends ActionOptions, PageOptions {
  readonly search?: string;
  readonly enabled?: boolean;
  readonly disabled?: boolean;
  readonly guest?: boolean;
  readonly member?: boolean;
  readonly synced?: boolean;
  readonly cloudOnly?: boolean;
  readonly licensed?: boolean;
  readonly unlicensed?: boolean;
}

interface PasswordOptions extends ActionOptions {
  readonly generate?: boolean;
  readonly generatePassword?: boolean;
  readonly passwordStdin?: boolean;
  readonly forceChange: boolean;
}

/** true, false or undefined from a pair of exclusive flags. */
function either(yes: boolean | undefined, no: boolean | undefined): boolean | undefined {
  return yes ? true : no ? false : undefined;
}

function pair(command: Command, yes: string, no: string, yesText: string, noText: string): Command {
  return command.addOption(new Option(`--${yes}`, yesText).conflicts(no)).addOption(new Option(`--${no}`, noText).conflicts(yes));
}

function userRow(u: UserRow) {
  return {
    displayName: u.displayName,
    userPrincipalName: u.userPrincipalName,
    enabled: u.accountEnabled,
    type: u.userType,
    synced: u.synced,
    licences: u.licenseNames.join("; "),
    jobTitle: u.jobTitle,
    department: u.department,
    id: u.id,
  };
}

async function newPassword(options: PasswordOptions, generate: boolean | undefined) {
  if (generate && options.passwordStdin) throw new Error("Choose one: generate a password, or read one with --password-stdin.");
  if (generate) return { mode: "generate" as const };
  if (options.passwordStdin) return { mode: "custom" as const, value: await readSecretFromStdin() };
  throw new Error("Say how to set the password: --generate (Tenantry makes one and shows it once) or --password-stdin.");
}

/** One write on one user by id or user principal name. */
function userWrite(users: Command, name: string, action: ActionId, description: string, argument = "<user>"): void {
  withActionOptions(users.command(`${name} ${argument}`).description(description), "write").action(async (userId: string, options: ActionOptions) => {
    printWrite(options.output, action, await writeAction(options, action, { userId }));
  });
}

/** `tenantry users ...`: list, read and change one tenant's users. */
export function registerUsersCommand(program: Command): void {
  const users = program.command("users").description("Users of a customer tenant");

  const list = withActionOptions(users.command("list").description("List users, one page at a time"), "read").option("--search <text>", "start of a name, user name or mail; or a word of the display name");
  pair(list, "enabled", "disabled", "only users who can sign in", "only blocked users");
  pair(list, "member", "guest", "only members", "only guests");
  pair(list, "synced", "cloud-only", "only users synced from on-premises Active Directory", "only cloud users");
  pair(list, "licensed", "unlicensed", "only users with a licence", "only users without one");
  listPageOptions(list).action(async (options: ListOptions) => {
    const input = {
      ...(options.search ? { search: options.search } : {}),
      accountEnabled: either(options.enabled, options.disabled),
      userType: options.member ? "Member" : options.guest ? "Guest" : undefined,
      synced: either(options.synced, options.cloudOnly),
      licensed: either(options.licensed, options.unlicensed),
    };
    printPage(options, await readAction<ListPage<UserRow>>(options, actionIds.usersList, { ...input, ...pageInput(options) }), userRow);
  });

  withActionOptions(users.command("get <user>").description("Show a user with licences, groups, manager, admin roles and sync state"), "read").action(async (userId: string, options: ActionOptions) => {
    const user = await readAction<UserDetails>(options, actionIds.usersGet, { userId });
    if (options.output === "table") process.stdout.write(userDetailsText(user));
    else process.stdout.write(formatRows(options.output, [scalars(user)], user));
  });

  withUserSetOptions(withActionOptions(users.command("set <user>").description("Change a user's properties, manager, phones or other mails"), "write")).action(
    async (userId: string, options: ActionOptions & Record<string, unknown>) => {
      const changes = userChangesFrom(options);
      const steps: [ActionId, object | undefined, string][] = [
        [actionIds.usersUpdateProperties, changes.properties, "properties"],
        [actionIds.usersUpdatePhones, changes.phones, "phones"],
        [actionIds.usersUpdateOtherMails, changes.otherMails, "other-mails"],
      ];
      if (steps.every(([, change]) => change === undefined)) throw new Error("Nothing to change: give at least one property option, or --clear <property>.");
      for (const [action, change, step] of steps) {
        if (change === undefined) continue;
        if (!printWrite(options.output, action, await writeAction(options, action, { userId, changes: change }, step))) return;
      }
    },
  );

  withActionOptions(users.command("reset-password <user>").description("Set a new password; a generated one is shown once"), "write")
    .option("--generate", "generate a strong password and show it once")
    .option("--password-stdin", "read the new password from standard input")
    .option("--no-force-change", "do not make the user change it at next sign-in")
    .action(async (userId: string, options: PasswordOptions) => {
      const password = await newPassword(options, options.generate);
      printWrite(options.output, actionIds.usersResetPassword, await writeAction(options, actionIds.usersResetPassword, { userId, password, forceChangePasswordNextSignIn: options.forceChange }));
    });

  userWrite(users, "enable", actionIds.usersEnable, "Allow the user to sign in");
  userWrite(users, "disable", actionIds.usersDisable, "Block the user from signing in");
  userWrite(users, "revoke-sessions", actionIds.usersRevokeSessions, "Sign the user out everywhere");
  userWrite(users, "delete", actionIds.usersDelete, "Delete the user (restorable for 30 days)");
  userWrite(users, "restore", actionIds.usersRestore, "Restore a deleted user by its object id", "<id>");
  userWrite(users, "delete-permanently", actionIds.usersDeletePermanently, "Remove a deleted user for good, by its object id", "<id>");

  const deleted = withActionOptions(users.command("list-deleted").description("List users deleted in the last 30 days"), "read").option("--search <text>", "start of a name or user name");
  listPageOptions(deleted).action(async (options: ActionOptions & PageOptions & { search?: string }) => {
    const page = await readAction<ListPage<Record<string, unknown>>>(options, actionIds.usersListDeleted, { ...(options.search ? { search: options.search } : {}), ...pageInput(options) });
    printPage(options, page, scalars);
  });

  withUserCreateOptions(
    withActionOptions(users.command("create").description("Create a cloud user"), "write")
      .requiredOption("--upn <userPrincipalName>", "user name, alias@verified-domain")
      .requiredOption("--display-name <name>", "display name")
      .option("--mail-nickname <alias>", "mail alias (default: the user name's alias)")
      .option("--generate-password", "generate the first password and show it once")
      .option("--password-stdin", "read the first password from standard input")
      .option("--no-force-change", "do not make the user change the password at first sign-in")
      .option("--disabled", "create the account blocked from sign-in"),
  ).action(async (options: PasswordOptions & Record<string, unknown>) => {
    const upn = String(options.upn);
    const input = {
      userPrincipalName: upn,
      displayName: options.displayName,
      mailNickname: options.mailNickname ?? upn.split("@")[0],
      accountEnabled: options.disabled !== true,
      password: await newPassword(options, options.generatePassword),
      forceChangePasswordNextSignIn: options.forceChange,
      ...createFieldsFrom(options),
    };
    printWrite(options.output, actionIds.usersCreate, await writeAction(options, actionIds.usersCreate, input));
  });
  registerCreateFromTemplate(users);
  registerUsersSearchCommand(users);

  withActionOptions(users.command("invite").description("Invite a guest from outside the organisation"), "write")
    .requiredOption("--email <address>", "the guest's email address")
    .requiredOption("--redirect-url <url>", "https address the guest lands on after accepting")
    .option("--display-name <name>", "display name")
    .option("--send-invitation", "have Microsoft mail the invitation")
    .action(async (options: ActionOptions & { email: string; redirectUrl: string; displayName?: string; sendInvitation?: boolean }) => {
      const input = { email: options.email, redirectUrl: options.redirectUrl, ...(options.displayName ? { displayName: options.displayName } : {}), sendInvitationMessage: options.sendInvitation === true };
      printWrite(options.output, actionIds.usersInviteGuest, await writeAction(options, actionIds.usersInviteGuest, input));
    });
}
