import { randomUUID } from "node:crypto";
import { recordDirectoryAudit, target } from "../../directory/audit-recorder.ts";
import type { UserRecord } from "../../directory/model.ts";
import type { GraphCall, GraphRoute } from "../graph-call.ts";
import { route } from "../graph-call.ts";
import { badRequest } from "../graph-error.ts";

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
  const existing = call.tenant.user(upn);
  if (existing && !existing.deletedDateTime) throw badRequest("Another object with the same value for property userPrincipalName already exists.");
  const now = call.context.now().toISOString();
  const displayName = typeof body.invitedUserDisplayName === "string" ? body.invitedUserDisplayName : email.split("@")[0]!;
  const user: UserRecord = {
    kind: "user", id: randomUUID(), createdDateTime: now, deletedDateTime: null, userPrincipalName: upn, displayName,
    givenName: null, surname: null, mail: email, mailNickname: email.replace("@", "_"), otherMails: [email], proxyAddresses: [`SMTP:${email}`],
    jobTitle: null, department: null, companyName: null, employeeId: null, employeeType: null, officeLocation: null, streetAddress: null,
    city: null, state: null, postalCode: null, country: null, usageLocation: null, preferredLanguage: null, businessPhones: [], mobilePhone: null,
    accountEnabled: true, userType: "Guest", creationType: "Invitation", externalUserState: "PendingAcceptance", externalUserStateChangeDateTime: now,
    onPremisesSyncEnabled: null, onPremisesImmutableId: null, onPremisesSamAccountName: null, onPremisesDomainName: null,
    onPremisesDistinguishedName: null, onPremisesUserPrincipalName: null, onPremisesSecurityIdentifier: null, onPremisesLastSyncDateTime: null,
    passwordPolicies: null, password: { passwordHash: null, forceChangePasswordNextSignIn: false, lastPasswordChangeDateTime: null },
    signInSessionsValidFromDateTime: now, managerId: null, directLicenses: [],
  };
  call.context.state.apply({ op: "object.put", tenantId: call.tenant.id, record: user });
  recordDirectoryAudit(call.context, call.tenant, {
    activity: "Invite external user",
    category: "UserManagement",
    operationType: "Add",
    initiatedBy: call.initiator,
    targets: [target(user.id, "User", displayName, upn)],
    correlationId: call.requestId,
  });
  return {
    status: 201,
    body: {
      "@odata.context": `${call.context.baseUrl}/v1.0/$metadata#invitations/$entity`,
      id: randomUUID(),
      inviteRedeemUrl: `${call.context.baseUrl}/redeem?rd=${encodeURIComponent(user.id)}`,
      invitedUserDisplayName: displayName,
      invitedUserEmailAddress: email,
      invitedUserType: "Guest",
      inviteRedirectUrl: body.inviteRedirectUrl,
      sendInvitationMessage: body.sendInvitationMessage === true,
      resetRedemption: false,
      status: "PendingAcceptance",
      invitedUser: { id: user.id },
    },
  };
}

export function invitationsRoutes(): GraphRoute[] {
  return [route("POST", "/invitations", invite)];
}
