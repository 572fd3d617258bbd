export type TokenFailureKind =
  | "not-consented"
  | "app-disabled"
  | "wrong-secret"
  | "secret-expired"
  | "certificate-rejected"
  | "tenant-not-found"
  | "unreachable"
  | "unknown";

export interface TokenFailure {
  readonly kind: TokenFailureKind;
  /** The identity platform's AADSTS code, when it gave one. */
  readonly aadsts: number | null;
  /** What happened, in a sentence a technician understands. */
  readonly message: string;
  /** What to do about it. */
  readonly fix: string;
}

interface FailureContext {
  readonly tenant: string;
  readonly consentUrl: string;
  readonly appName: string;
}

const byCode: Readonly<Record<number, (c: FailureContext) => Omit<TokenFailure, "aadsts">>> = {
  700016: (c) => ({
    kind: "not-consented",
    message: `${c.appName} is not consented in tenant ${c.tenant}: the tenant has no service principal for it.`,
    fix: `Ask a Global Administrator or Privileged Role Administrator of ${c.tenant} to grant admin consent: ${c.consentUrl}`,
  }),
  7000112: (c) => ({
    kind: "app-disabled",
    message: `The ${c.appName} enterprise application is disabled in tenant ${c.tenant}.`,
    fix: `In ${c.tenant}, open Entra admin center > Enterprise applications > ${c.appName} > Properties and set "Enabled for users to sign in" to Yes.`,
  }),
  7000215: () => ({
    kind: "wrong-secret",
    message: "The identity platform refused the client secret.",
    fix: "Set the secret's value (not its id) from the app registration with `tenantry app set --client-secret`.",
  }),
  7000222: () => ({
    kind: "secret-expired",
    message: "The client secret has expired.",
    fix: "Create a new secret in the app registration (Certificates & secrets) and set it with `tenantry app set --client-secret`.",
  }),
  700027: () => ({
    kind: "certificate-rejected",
    message: "The identity platform refused the certificate assertion: the certificate is not registered on the app, or has expired.",
    fix: "Upload the certificate's public part to the app registration (Certificates & secrets), or set the right certificate with `tenantry app set --certificate`.",
  }),
  700024: () => ({
    kind: "certificate-rejected",
    message: "The certificate assertion was outside its valid time range.",
    fix: "Check this machine's clock; the identity platform allows only a few minutes of skew.",
  }),
  7000229: (c) => ({
    kind: "not-consented",
    message: `${c.appName} has no service principal in tenant ${c.tenant}.`,
    fix: `Ask a Global Administrator or Privileged Role Administrator of ${c.tenant} to grant admin consent: ${c.consentUrl}`,
  }),
  53003: (c) => ({
    kind: "unknown",
    message: `A Conditional Access policy of ${c.tenant} blocks ${c.appName}'s sign-in.`,
    fix: `In ${c.tenant}, exclude the ${c.appName} service principal from the blocking Conditional Access policy (Entra admin center > Protection > Conditional Access).`,
  }),
  500011: (c) => ({
    kind: "unknown",
    message: `Microsoft Graph is not known in tenant ${c.tenant} for this cloud.`,
    fix: "Check that the app is set to the right cloud (global, usgov, china).",
  }),
  900023: (c) => ({
    kind: "tenant-not-found",
    message: `'${c.tenant}' is not a valid tenant id or domain.`,
    fix: "Check the tenant id or domain.",
  }),
  90002: (c) => ({
    kind: "tenant-not-found",
    message: `No tenant ${c.tenant} exists in this cloud.`,
    fix: "Check the tenant id or domain, and that the app is set to the right cloud (global, usgov, china).",
  }),
};

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const extra = "errorMessage" in error ? String(error.errorMessage) : "";
    return `${error.message} ${extra}`;
  }
  return String(error);
}

/** Turns an MSAL or network error into what went wrong and how to fix it. */
export function classifyTokenFailure(error: unknown, context: FailureContext): TokenFailure {
  const text = errorText(error);
  const code = Number(/AADSTS(\d+)/.exec(text)?.[1] ?? Number.NaN);
  const known = Number.isNaN(code) ? undefined : byCode[code];
  if (known) return { ...known(context), aadsts: code };
  const errorCode = error instanceof Error && "errorCode" in error ? String(error.errorCode) : "";
  if (Number.isNaN(code) && /network|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|fetch failed|self[- ]signed|unable to verify/i.test(`${errorCode} ${text}`)) {
    return {
      kind: "unreachable",
      aadsts: null,
      message: `The identity platform could not be reached: ${text.trim().slice(0, 300)}`,
      fix: "Check this machine's network access to the identity platform and the cloud setting of the app.",
    };
  }
  return {
    kind: "unknown",
    aadsts: Number.isNaN(code) ? null : code,
    message: `The identity platform refused the token request: ${text.trim().slice(0, 300)}`,
    fix: Number.isNaN(code) ? "Retry; if it persists, check the app registration." : `Look up AADSTS${code} in Microsoft's error code reference.`,
  };
}
