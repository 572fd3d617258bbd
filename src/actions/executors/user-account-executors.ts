import { type ActionId, actionIds } from "../../catalog/action-ids.ts";
import type { UsersResetPasswordInput } from "../../catalog/actions/user-account-actions.ts";
import type { UserTargetInput } from "../../catalog/input-schemas.ts";
import { type AnyExecutor, writeExecutor } from "../action-executor.ts";
import { generatePassword } from "../generated-password.ts";
import { guardAdminTarget } from "../guards/admin-target-guard.ts";
import { refuseOnPremisesMastered, syncedPasswordWarning } from "../guards/synced-user-guard.ts";
import { readUser, userTarget } from "./user-reads.ts";

function accountEnabledExecutor(accountEnabled: boolean) {
  return writeExecutor<UserTargetInput, { userId: string; accountEnabled: boolean }>({
    async prepare(context, input) {
      const user = await readUser(context, input.userId, ["accountEnabled"]);
      const target = userTarget(user);
      refuseOnPremisesMastered(user, ["accountEnabled"], target);
      await guardAdminTarget(context, user.id, target, ["accountEnabled"]);
      return { target, before: { accountEnabled: user.accountEnabled ?? null }, plan: { userId: user.id, accountEnabled } };
    },
    async apply(context, plan) {
      await context.graph.send({ method: "PATCH", path: `/users/${plan.userId}`, body: { accountEnabled: plan.accountEnabled } });
      return {};
    },
    async check(context, plan) {
      const user = await readUser(context, plan.userId, ["accountEnabled"]);
      return { applied: user.accountEnabled === plan.accountEnabled, after: { accountEnabled: user.accountEnabled ?? null } };
    },
  });
}

/** The time Graph answers with, from its own clock, so that "after the request" never depends on ours. */
const revokeSessions = writeExecutor<UserTargetInput, { userId: string; validFromBefore: string | null }>({
  async prepare(context, input) {
    const user = await readUser(context, input.userId, ["signInSessionsValidFromDateTime"]);
    const validFrom = (user.signInSessionsValidFromDateTime as string | null | undefined) ?? null;
    return { target: userTarget(user), before: { signInSessionsValidFromDateTime: validFrom }, plan: { userId: user.id, validFromBefore: validFrom } };
  },
  async apply(context, plan) {
    await context.graph.send({ method: "POST", path: `/users/${plan.userId}/revokeSignInSessions` });
    return {};
  },
  async check(context, plan) {
    const user = await readUser(context, plan.userId, ["signInSessionsValidFromDateTime"]);
    const validFrom = (user.signInSessionsValidFromDateTime as string | null | undefined) ?? null;
    const moved = validFrom !== null && (plan.validFromBefore === null || Date.parse(validFrom) > Date.parse(plan.validFromBefore));
    return { applied: moved, after: { signInSessionsValidFromDateTime: validFrom }, ...(moved ? {} : { difference: "signInSessionsValidFromDateTime did not move" }) };
  },
});

interface ResetPlan {
  readonly userId: string;
  readonly forceChangePasswordNextSignIn: boolean;
  readonly generated: boolean;
  readonly changedBefore: string | null;
}

/** The password itself is never in the plan, the journal or the audit log; a generated one goes back to the caller once. */
const resetPassword = writeExecutor<UsersResetPasswordInput, ResetPlan>({
  async prepare(context, input) {
    const user = await readUser(context, input.userId, ["lastPasswordChangeDateTime"]);
    const target = userTarget(user);
    await guardAdminTarget(context, user.id, target, ["passwordProfile"]);
    const changedBefore = (user.lastPasswordChangeDateTime as string | null | undefined) ?? null;
    return {
      target,
      before: { lastPasswordChangeDateTime: changedBefore },
      warnings: syncedPasswordWarning(user),
      plan: { userId: user.id, forceChangePasswordNextSignIn: input.forceChangePasswordNextSignIn, generated: input.password.mode === "generate", changedBefore },
    };
  },
  async apply(context, plan, input) {
    const password = input.password.mode === "custom" ? input.password.value : generatePassword();
    await context.graph.send({ method: "PATCH", path: `/users/${plan.userId}`, body: { passwordProfile: { password, forceChangePasswordNextSignIn: plan.forceChangePasswordNextSignIn } } });
    return plan.generated ? { secret: { password } } : {};
  },
  async check(context, plan, applied) {
    const user = await readUser(context, plan.userId, ["lastPasswordChangeDateTime"]);
    const changed = (user.lastPasswordChangeDateTime as string | null | undefined) ?? null;
    const moved = changed !== null && (plan.changedBefore === null || Date.parse(changed) > Date.parse(plan.changedBefore));
    const lost = moved && plan.generated && !applied?.secret;
    return {
      applied: moved,
      after: { lastPasswordChangeDateTime: changed, forceChangePasswordNextSignIn: plan.forceChangePasswordNextSignIn, generated: plan.generated },
      ...(moved ? {} : { difference: "lastPasswordChangeDateTime did not move" }),
      ...(lost ? { warnings: ["The password was reset, but the generated password was lost when Tenantry stopped and was never shown: reset it again."] } : {}),
    };
  },
});

export const userAccountExecutors: readonly [ActionId, AnyExecutor][] = [
  [actionIds.usersEnable, accountEnabledExecutor(true)],
  [actionIds.usersDisable, accountEnabledExecutor(false)],
  [actionIds.usersRevokeSessions, revokeSessions],
  [actionIds.usersResetPassword, resetPassword],
];
