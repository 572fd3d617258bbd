// users.invite-guest: POST /invitations, checked by finding the guest user it creates.
import { odataString } from "../reads/odata-text.ts";
import type { JsonObject } from "../../audit/audit-entry.ts";
import type { UsersInviteGuestInput } from "../../catalog/actions/user-lifecycle-actions.ts";
import { GraphRequestError } from "../../graph/graph-errors.ts";
import { ActionRefused } from "../action-errors.ts";
import { type ActionContext, writeExecutor } from "../action-executor.ts";

interface InvitePlan {
  readonly email: string;
  readonly displayName: string | null;
  readonly redirectUrl: string;
  readonly sendInvitationMessage: boolean;
  /** The guest that already had this mail before the run. */
  readonly existingGuestId?: string;
}

interface InvitedUser {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName?: string | null;
  readonly mail?: string | null;
  readonly userType?: string | null;
  readonly externalUserState?: string | null;
}

const select = "$select=id,userPrincipalName,displayName,mail,userType,externalUserState";

async function usersWithMail(context: ActionContext, email: string): Promise<InvitedUser[]> {
  const filter = encodeURIComponent(`mail eq ${odataString(email)}`);
  return (await context.graph.get<{ value: InvitedUser[] }>(`/users?$filter=${filter}&${select}`)).body.value;
}

async function userById(context: ActionContext, id: string): Promise<InvitedUser | undefined> {
  return context.graph
    .get<InvitedUser>(`/users/${encodeURIComponent(id)}?${select}`)
    .then((answer) => answer.body)
    .catch((error: unknown) => {
      if (error instanceof GraphRequestError && error.status === 404) return undefined;
      throw error;
    });
}

function stateOf(user: InvitedUser): JsonObject {
  return { state: "active", id: user.id, userPrincipalName: user.userPrincipalName, mail: user.mail ?? null, userType: user.userType ?? null, externalUserState: user.externalUserState ?? null };
}

export const inviteGuest = writeExecutor<UsersInviteGuestInput, InvitePlan>({
  async prepare(context, input) {
    const existing = await usersWithMail(context, input.email);
    const member = existing.find((u) => u.userType !== "Guest");
    if (member) {
      throw new ActionRefused({
        status: 409,
        code: "mail_in_use",
        field: "email",
        target: { id: member.id, kind: "user", display: member.userPrincipalName },
        message: `${member.userPrincipalName} in ${context.tenant.tenantName} already has the mail address ${input.email}; a guest cannot be invited with it.`,
        fix: "Invite the person with another address, or use the existing user.",
      });
    }
    const guest = existing[0];
    return {
      target: { kind: "user", display: input.email, ...(guest ? { id: guest.id } : {}) },
      before: guest ? stateOf(guest) : { state: "absent" },
      ...(guest ? { warnings: [`${input.email} is already a guest of ${context.tenant.tenantName} (${guest.externalUserState ?? "state unknown"}); Microsoft invites the same guest again.`] } : {}),
      plan: { email: input.email, displayName: input.displayName ?? null, redirectUrl: input.redirectUrl, sendInvitationMessage: input.sendInvitationMessage, ...(guest ? { existingGuestId: guest.id } : {}) },
    };
  },

  async apply(context, plan) {
    const answer = await context.graph.send<{ invitedUser: { id: string }; inviteRedeemUrl?: string }>({
      method: "POST",
      path: "/invitations",
      body: {
        invitedUserEmailAddress: plan.email,
        ...(plan.displayName ? { invitedUserDisplayName: plan.displayName } : {}),
        inviteRedirectUrl: plan.redirectUrl,
        sendInvitationMessage: plan.sendInvitationMessage,
      },
    });
    // The redemption link lets whoever holds it accept the invitation as this guest: shown once, never stored.
    const redeem = answer.body.inviteRedeemUrl;
    return { result: { id: answer.body.invitedUser.id }, ...(redeem ? { secret: { inviteRedeemUrl: redeem } } : {}) };
  },

  async check(context, plan, applied) {
    const id = applied?.result?.id;
    const guest = typeof id === "string" ? await userById(context, id) : (await usersWithMail(context, plan.email)).find((u) => u.userType === "Guest");
    if (!guest) return { applied: false, after: { state: "absent" }, difference: `no guest with the mail ${plan.email} exists` };
    const isGuest = guest.userType === "Guest";
    // Graph keeps no trace of a repeated invitation of an existing guest: after a crash it cannot be told apart from none.
    const unprovable = isGuest && !applied && plan.existingGuestId === guest.id;
    return {
      applied: isGuest,
      after: stateOf(guest),
      ...(isGuest ? {} : { difference: `${guest.userPrincipalName} has userType ${guest.userType ?? "unknown"}, not Guest` }),
      ...(unprovable ? { warnings: [`${plan.email} was already a guest; Graph cannot show whether the invitation was sent again, so invite again if the guest did not receive it.`] } : {}),
    };
  },
});
