/** How Tenantry's multi-tenant app proves itself to the identity platform. */
export type AppCredential =
  | { readonly kind: "secret"; readonly clientSecret: string }
  | { readonly kind: "certificate"; readonly certificatePem: string; readonly privateKeyPem: string };

export interface PlatformApp {
  readonly clientId: string;
  readonly homeTenantId: string;
  readonly credential: AppCredential;
}
