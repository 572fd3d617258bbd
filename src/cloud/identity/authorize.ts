import type { CloudContext } from "../cloud-context.ts";
import type { CloudRequest, CloudResponse } from "../http/cloud-request.ts";
import type { AuthorizationCodes } from "./authorization-codes.ts";
import { escapeHtml, hiddenInputs, page, redirect, withQuery } from "./html-page.ts";
import { signInWithPassword } from "./password-sign-in.ts";

function signInForm(params: URLSearchParams, appName: string, error?: string, username = ""): CloudResponse {
  return page(
    "Sign in to your account",
    `<h1>Sign in</h1>
<p>to continue to ${escapeHtml(appName)}</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post">
${hiddenInputs(params, ["username", "password"])}
<label for="username">Email, phone, or Skype</label><input type="email" id="username" name="username" value="${escapeHtml(username)}" autocomplete="username" required autofocus>
<label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password" required>
<button type="submit" id="signin">Sign in</button>
</form>`,
    error ? 400 : 200,
  );
}

/** `/{tenant}/oauth2/v2.0/authorize`: the authorization code flow for people, with PKCE. */
export function authorizeEndpoint(context: CloudContext, codes: AuthorizationCodes) {
  return (request: CloudRequest, pathTenant: string): CloudResponse => {
    const params = request.method === "POST" ? new URLSearchParams(request.rawBody) : request.url.searchParams;
    const clientId = params.get("client_id") ?? "";
    const registration = context.state.application(clientId);
    if (!registration) {
      return page("Sign in", `<h1>Sorry, but we're having trouble signing you in.</h1><p class="error">AADSTS700016: Application with identifier '${escapeHtml(clientId)}' was not found in the directory.</p>`, 400);
    }
    const redirectUri = params.get("redirect_uri") ?? "";
    if (!registration.app.redirectUris.includes(redirectUri)) {
      return page("Sign in", `<h1>Sorry, but we're having trouble signing you in.</h1><p class="error">AADSTS50011: The redirect URI '${escapeHtml(redirectUri)}' specified in the request does not match the redirect URIs configured for the application '${escapeHtml(clientId)}'.</p>`, 400);
    }
    const state = params.get("state") ?? undefined;
    const fail = (error: string, description: string) => redirect(withQuery(redirectUri, { error, error_description: description, state }));
    if (params.get("response_type") !== "code") return fail("unsupported_response_type", "AADSTS700054: response_type 'code' is required by this endpoint.");
    const method = params.get("code_challenge_method") ?? "plain";
    if (params.has("code_challenge") && !["S256", "plain"].includes(method)) {
      return fail("invalid_request", "AADSTS501491: Invalid size of Code_Challenge parameter.");
    }
    if (request.method !== "POST") return signInForm(params, registration.app.displayName);

    const username = params.get("username") ?? "";
    const result = signInWithPassword(context, pathTenant, username, params.get("password") ?? "");
    if (!result.ok) return signInForm(params, registration.app.displayName, result.message, username);
    const code = codes.issue({
      clientId,
      redirectUri,
      tenantId: result.tenant.id,
      userId: result.user.id,
      scopes: (params.get("scope") ?? "openid").split(" ").filter(Boolean),
      nonce: params.get("nonce") ?? undefined,
      codeChallenge: params.get("code_challenge") ?? undefined,
      codeChallengeMethod: method,
    });
    return redirect(withQuery(redirectUri, { code, state, session_state: result.user.id }));
  };
}
