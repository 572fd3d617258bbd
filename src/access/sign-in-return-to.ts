/**
 * Where to send the browser once signed in: a path of Tenantry itself, never another site (an open redirect
 * would lend Tenantry's name to phishing). Undefined when `returnTo` leads elsewhere.
 */
export function sameOriginPath(returnTo: string | undefined, publicUrl: string): string | undefined {
  if (returnTo === undefined || returnTo === "") return "/";
  // Control characters and backslashes are read differently by browsers; a path of Tenantry has none.
  if (returnTo.length > 2048 || /[\p{Cc}\\]/u.test(returnTo)) return undefined;
  const base = new URL(publicUrl);
  let target: URL;
  try {
    target = new URL(returnTo, base);
  } catch {
    return undefined;
  }
  if (target.origin !== base.origin) return undefined;
  return `${target.pathname}${target.search}${target.hash}`;
}
