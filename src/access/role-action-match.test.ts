import assert from "node:assert/strict";
import { test } from "node:test";
import { coversRoleAction } from "./role-action-match.ts";

test("held role actions cover required ones exactly or through Entra's wildcards, and never across entities", () => {
  const cases: [string, string, boolean][] = [
    ["microsoft.directory/users/password/update", "microsoft.directory/users/password/update", true],
    ["microsoft.directory/users/allProperties/allTasks", "microsoft.directory/users/password/update", true],
    ["microsoft.directory/users/allProperties/allTasks", "microsoft.directory/users/create", true],
    ["microsoft.directory/users/allProperties/read", "microsoft.directory/users/standard/read", true],
    ["microsoft.directory/users/allProperties/read", "microsoft.directory/users/basic/update", false],
    ["microsoft.directory/users/allProperties/update", "microsoft.directory/users/basic/update", true],
    ["microsoft.directory/users/allProperties/update", "microsoft.directory/users/delete", false],
    ["microsoft.directory/groups/allProperties/allTasks", "microsoft.directory/users/create", false],
    ["microsoft.directory/deletedItems.users/restore", "microsoft.directory/users/restore", false],
    ["microsoft.directory/users/basic/update", "microsoft.directory/users/password/update", false],
    ["microsoft.office365.serviceHealth/allEntities/allTasks", "microsoft.office365.serviceHealth/messages/read", true],
    ["microsoft.office365.serviceHealth/allEntities/allTasks", "microsoft.directory/users/create", false],
    ["microsoft.backup/allEntities/allProperties/read", "microsoft.backup/restorePoints/standard/read", true],
    ["microsoft.backup/allEntities/allProperties/read", "microsoft.backup/restorePoints/delete", false],
    ["microsoft.directory/organization/strongAuthentication/allTasks", "microsoft.directory/organization/strongAuthentication/update", true],
    ["microsoft.directory/organization/strongAuthentication/allTasks", "microsoft.directory/organization/basic/update", false],
    ["microsoft.directory/verifiableCredentials/configuration/allProperties/read", "microsoft.directory/verifiableCredentials/configuration/contracts/read", true],
    ["microsoft.directory/users/allProperties/allTasks", "microsoft.directory/usersX/create", false],
  ];
  for (const [held, required, covered] of cases) assert.equal(coversRoleAction(held, required), covered, `${held} covers ${required}`);
});
