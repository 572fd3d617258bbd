import assert from "node:assert/strict";
import { test } from "node:test";
import { redactSecrets } from "./redact-secrets.ts";

test("values of keys naming a secret are redacted at any depth, in any case; the rest is kept", () => {
  const inputs = {
    userPrincipalName: "adele@contoso.com",
    passwordProfile: { password: "Pa55word!", forceChangePasswordNextSignIn: true },
    newPassword: "x",
    Client_Secret: "s3cret",
    accessToken: "eyJ...",
    apiKey: 42,
    keyCredentials: [{ key: "base64" }],
    nested: { list: [{ displayName: "ok", refreshTOKEN: "r" }], credentialType: "certificate" },
    accountEnabled: false,
    forceChangePasswordNextSignIn: true,
    passwordHint: null,
  };
  assert.deepEqual(redactSecrets(inputs), {
    userPrincipalName: "adele@contoso.com",
    passwordProfile: "[redacted]",
    newPassword: "[redacted]",
    Client_Secret: "[redacted]",
    accessToken: "[redacted]",
    apiKey: "[redacted]",
    keyCredentials: "[redacted]",
    nested: { list: [{ displayName: "ok", refreshTOKEN: "[redacted]" }], credentialType: "[redacted]" },
    accountEnabled: false,
    forceChangePasswordNextSignIn: true,
    passwordHint: null,
  });
});

test("the input is not changed, and values become what JSON would store", () => {
  const inputs = { password: "p", when: new Date("2025-01-02T03:04:05.000Z"), gone: undefined };
  assert.deepEqual(redactSecrets(inputs), { password: "[redacted]", when: "2025-01-02T03:04:05.000Z" });
  assert.equal(inputs.password, "p");
});
