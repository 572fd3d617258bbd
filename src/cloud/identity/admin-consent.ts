import { grantConsent } from "../apps/consent.ts";
import { permissionInfo } from "../authz/required-permissions.ts";
import type { CloudContext } from "../cloud-context.ts";
import type { CloudRequest, CloudResponse } from "../http/cloud-request.ts";
import { escapeHtml, hiddenInputs, page, redirect, withQuery } from "./html-page.ts";
import { signInWithPassword } from "./password-sign-in.ts";

/** Only these roles may grant application permissions on Microsoft Graph tenant-wide. */
const consentingRoles: ReadonlySet<string> = new Set([
  "62e90394-69f5-4237-9190-012177145e10", // Global Administrator
  "e8611ab8-c189-46e8-94e1-60213ab1f814", // Privileged Role Administrator
]);

function consentPage(params: URLSearchParams, appName: string, permissions: readonly string[], error?: string): CloudResponse {
  const items = permissions
    .map((p) => `<li><strong>${escapeHtml(permissionInfo(p)?.displayName ?? p)}</strong> <code>${escapeHtml(p)}</code></li>`)
    .join("");
  return page(
    "Permissions requested",
    `<h1>Permissions requested</h1>
<p><strong>${escapeHtml(appName)}</strong> needs permission to access resources in your organization that only an admin can grant. Accept for your organization:</p>
<ul>${items}</ul>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post">
${hiddenInputs(params, ["username", "password", "decision"])}
<label for="username">Administrator account</label><input type="email" id="username" name="username" autocomplete="username" required>
<label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password" required>
<button type="submit" name="decision" value="accept" id="accept">Accept</button>
<button type="submit" name="decision" value="cancel" class="secondary" id="cancel" formnovalidate>Cancel</button>
</form>`,
    error ? 400 : 200,
  );
}

/** `/{tenant}/adminconsent` and `/{tenant}/v2.0/adminconsent`: an administrator grants the app's permissions. */
export function adminConsentEndpoint(context: CloudContext) {
  return (request: CloudRequest, pathTenant: string): CloudResponse => {
    const params = request.method === "POST" ? new URLSearchParams(request.rawBody) : request.url.searchParams;
    const clientId = params.get("client_id") ?? "";
    const registration = context.state.application(clientId);
    if (!registration) {
      return page("Admin consent", `<h1>Sorry, but we're having trouble signing you in.</h1><p class="error">AADSTS700016: Application with identifier '${escapeHtml(clientId)}' was not found in the directory.</p>`, 400);
    }
    const redirectUri = params.get("redirect_uri") ?? registration.app.redirectUris[0] ?? "";
    if (!registration.app.redirectUris.includes(redirectUri)) {
      return page("Admin consent", `<h1>Sorry, but we're having trouble signing you in.</h1><p class="error">AADSTS50011: The redirect URI '${escapeHtml(redirectUri)}' specified in the request does not match the redirect URIs configured for the application '${escapeHtml(clientId)}'.</p>`, 400);
    }
    const state = params.get("state") ?? undefined;
    const permissions = registration.app.requiredPermissions;
    if (request.method !== "POST") return consentPage(params, registration.app.displayName, permissions);
    if (params.get("decision") !== "accept") {
      return redirect(withQuery(redirectUri, { error: "access_denied", error_subcode: "cancel", error_description: "AADSTS65004: User declined to consent to access the app.", state }));
    }
    const signIn = signInWithPassword(context, pathTenant, params.get("username") ?? "", params.get("password") ?? "");
    if (!signIn.ok) return consentPage(params, registration.app.displayName, permissions, signIn.message);
    if (registration.app.signInAudience === "AzureADMyOrg" && registration.home.id !== signIn.tenant.id) {
      return page("Admin consent", `<h1>Sorry, but we're having trouble signing you in.</h1><p class="error">AADSTS700016: Application with identifier '${escapeHtml(clientId)}' was not found in the directory '${escapeHtml(signIn.tenant.tenant.displayName)}'. The application accepts accounts of its own organization only.</p>`, 400);
    }
    const isAdmin = [...signIn.tenant.rolesOf(signIn.user.id)].some((r) => consentingRoles.has(r));
    if (!isAdmin) {
      return consentPage(params, registration.app.displayName, permissions, "AADSTS90094: The grant requires admin permission. Sign in with a Global Administrator or Privileged Role Administrator of this organization.");
    }
    grantConsent(context, signIn.tenant, registration.app, permissions, {
      app: null,
      user: { id: signIn.user.id, userPrincipalName: signIn.user.userPrincipalName, displayName: signIn.user.displayName },
    });
    return redirect(withQuery(redirectUri, { admin_consent: "True", tenant: signIn.tenant.id, state, scope: `${"https://graph.microsoft.com"}/.default` }));
  };
}
