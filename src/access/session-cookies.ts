// The cookies of signing in. Read and written by hand: two cookies do not call for a dependency.

/** The signed-in session's id. */
export const sessionCookie = "tenantry_session";
/** The id of a sign-in under way, between the redirect to the identity platform and its return. */
export const signInCookie = "tenantry_sign_in";

/** The value of a cookie in a Cookie header; undefined when absent or longer than any id Tenantry makes. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header || header.length > 8192) return undefined;
  for (const pair of header.split(";")) {
    const separator = pair.indexOf("=");
    if (separator < 0 || pair.slice(0, separator).trim() !== name) continue;
    const value = pair.slice(separator + 1).trim();
    return value.length > 0 && value.length <= 128 && /^[A-Za-z0-9_-]+$/.test(value) ? value : undefined;
  }
  return undefined;
}

/** A Set-Cookie value: HttpOnly and SameSite=Lax always, Secure when Tenantry is reached over HTTPS. */
export function setCookie(name: string, value: string, options: { secure: boolean; maxAgeSeconds?: number }): string {
  return [
    `${name}=${value}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    ...(options.secure ? ["Secure"] : []),
    ...(options.maxAgeSeconds === undefined ? [] : [`Max-Age=${options.maxAgeSeconds}`]),
  ].join("; ");
}

/** A Set-Cookie value that makes the browser forget the cookie. */
export function clearCookie(name: string, options: { secure: boolean }): string {
  return setCookie(name, "", { ...options, maxAgeSeconds: 0 });
}
