import assert from "node:assert/strict";
import { test } from "node:test";
import { classifyTokenFailure } from "./token-failure.ts";

const context = { tenant: "contoso.onmicrosoft.com", consentUrl: "https://login.example/consent", appName: "Tenantry" };
const msalError = (message: string) => Object.assign(new Error(message), { errorCode: "invalid_client", errorMessage: message });

test("AADSTS codes map to what happened and how to fix it", () => {
  const cases: [string, string][] = [
    ["AADSTS700016: Application with identifier 'x' was not found in the directory", "not-consented"],
    ["AADSTS7000229: The client application is missing service principal in the tenant", "not-consented"],
    ["AADSTS7000112: Application is disabled.", "app-disabled"],
    ["AADSTS7000215: Invalid client secret provided.", "wrong-secret"],
    ["AADSTS7000222: The provided client secret keys are expired.", "secret-expired"],
    ["AADSTS700027: Client assertion failed signature validation.", "certificate-rejected"],
    ["AADSTS90002: Tenant 'x' not found.", "tenant-not-found"],
    ["AADSTS900023: Specified tenant identifier is neither a valid DNS name, nor a valid external domain.", "tenant-not-found"],
    ["AADSTS53003: Access has been blocked by Conditional Access policies.", "unknown"],
  ];
  for (const [message, kind] of cases) {
    const failure = classifyTokenFailure(msalError(message), context);
    assert.equal(failure.kind, kind, message);
    assert.equal(failure.aadsts, Number(/AADSTS(\d+)/.exec(message)![1]));
    assert.ok(failure.fix.length > 10);
  }
  assert.match(classifyTokenFailure(msalError("AADSTS700016: x"), context).fix, /https:\/\/login\.example\/consent/);
  assert.match(classifyTokenFailure(msalError("AADSTS53003: x"), context).fix, /Conditional Access/);
});

test("network failures are told apart from refusals", () => {
  assert.equal(classifyTokenFailure(new Error("network error: connect ECONNREFUSED 127.0.0.1:1"), context).kind, "unreachable");
  assert.equal(classifyTokenFailure(new Error("fetch failed"), context).kind, "unreachable");
  const configuration = classifyTokenFailure(new Error("The client certificate configuration is invalid"), context);
  assert.equal(configuration.kind, "unknown", "a word like 'certificate' is not a network failure");
  assert.equal(configuration.aadsts, null);
});
