import assert from "node:assert/strict";
import { test } from "node:test";
import { licensesAssignUser } from "../catalog/actions/license-actions.ts";
import { actionConsent } from "./consent-health.ts";

const context = { tenantName: "Contoso", appName: "Tenantry", consentUrl: "https://login.example/adminconsent" };

test("a request made only in some runs does not make the action unavailable; the others do", () => {
  const reads = ["LicenseAssignment.Read.All", "User.Read.All", "GroupMember.Read.All"];
  const withoutUserWrite = actionConsent(licensesAssignUser, { roles: ["LicenseAssignment.ReadWrite.All", ...reads], wids: [] }, context);
  assert.equal(withoutUserWrite.feature.available, true);
  assert.deepEqual(withoutUserWrite.feature.missingPermissions, []);
  const withoutAssign = actionConsent(licensesAssignUser, { roles: reads, wids: [] }, context);
  assert.equal(withoutAssign.feature.available, false);
  assert.deepEqual(withoutAssign.feature.missingPermissions, ["LicenseAssignment.ReadWrite.All"]);
  assert.match(withoutAssign.fixes[0]!, /adds LicenseAssignment\.ReadWrite\.All: https:\/\/login\.example\/adminconsent/);
});
