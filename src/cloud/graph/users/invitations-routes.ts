import { randomUUID } from "node:crypto";
import type { UserRecord } from "../../directory/model.ts";
import { newUserRecord } from "../../directory/new-user-record.ts";
import type { GraphCall, GraphRoute } from "../graph-call.ts";
import { route } from "../graph-call.ts";
import { badRequest } from "../graph-error.ts";
import { recordUserAudit } from "./user-audit.ts";

const emailPattern = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** POST /invitations: a guest user, pending acceptance, with Entra's `#EXT#` user principal name. */
function invite(call: GraphCall) {
  const body = call.body();
  const email = body.invitedUserEmailAddress;
  if (typeof email !== "string" || !emailPattern.test(email) || email.length > 256) {
    throw badRequest("Invalid value specified for property 'invitedUserEmailAddress' of resource 'Invitation'.");
  }
  if (typeof body.inviteRedirectUrl !== "string" || !/^https?:\/\//.test(body.inviteRedirectUrl)) {
    throw badRequest("Invalid value specified for property 'inviteRedirectUrl' of resource 'Invitation'.");
  }
  const domain = call.tenant.tenant.domains.find((d) => d.isInitial)?.id ?? call.tenant.tenant.domains[0]!.id;
  const upn = `${email.replace("@", "_")}#EXT#@${domain}`;
  const now = call.context.now().toISOString();
  const existing = call.tenant.user(upn);
  if (existing && !existing.deletedDateTime) return invitationResponse(call, existing, body, email, existing.externalUserState ?? "PendingAcceptance");
  const displayName = typeof body.invitedUserDisplayName === "string" ? body.invitedUserDisplayName : email.split("@")[0]!;
  const user = newUserRecord(now, {
    userPrincipalName: upn,
    displayName,
    mailNickname: email.replace("@", "_"),
    accountEnabled: true,
    password: { passwordHash: null, forceChangePasswordNextSignIn: false, lastPasswordChangeDateTime: null },
    mail: email,
    otherMails: [email],
    proxyAddresses: [`SMTP:${email}`],
    userType: "Guest",
    creationType: "Invitation",
    externalUserState: "PendingAcceptance",
    externalUserStateChangeDateTime: now,
  });
  call.context.state.apply({ op: "object.put", tenantId: call.tenant.id, record: user });
  recordUserAudit(call, "Invite external user", "Add", user);
  return invitationResponse(call, user, body, email, "PendingAcceptance");
}

/** Inviting someone already a guest answers with the same guest again, as Entra re-sends an invitation. */
function invitationResponse(call: GraphCall, user: UserRecord, body: Record<string, unknown>, email: string, status: string) {
  return {
    status: 201,
    body: {
      "@odata.context": `${call.context.baseUrl}/v1.0/$metadata#invitations/$entity`,
      id: randomUUID(),
      inviteRedeemUrl: `${call.context.baseUrl}/redeem?rd=${encodeURIComponent(user.id)}`,
      invitedUserDisplayName: user.displayName,
      invitedUserEmailAddress: email,
      invitedUserType: "Guest",
      inviteRedirectUrl: body.inviteRedirectUrl,
      sendInvitationMessage: body.sendInvitationMessage === true,
      resetRedemption: false,
      status,
      invitedUser: { id: user.id },
    },
  };
}

export function invitationsRoutes(): GraphRoute[] {
  return [route("POST", "/invitations", invite)];
}
