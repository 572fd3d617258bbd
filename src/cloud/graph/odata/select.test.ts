import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ODataQueryError } from "./odata-error.ts";
import { applySelect, parseSelect } from "./select.ts";
import { USER_DEFAULT_PROPERTIES, USER_PROPERTY_NAMES } from "./user-query-properties.ts";

const known = new Set(USER_PROPERTY_NAMES);

describe("parseSelect", () => {
  test("returns undefined without a $select", () => {
    assert.equal(parseSelect(undefined, known), undefined);
    assert.equal(parseSelect("  ", known), undefined);
  });

  test("trims, matches case-insensitively to canonical names and drops repeats and blanks", () => {
    assert.deepEqual(parseSelect(" id, displayName ,proxyaddresses,,DISPLAYNAME", known), ["id", "displayName", "proxyAddresses"]);
  });

  test("refuses an unknown property with Graph's message", () => {
    assert.throws(
      () => parseSelect("id,foo", known),
      (error: unknown) =>
        error instanceof ODataQueryError &&
        error.status === 400 &&
        error.code === "Request_UnsupportedQuery" &&
        error.message === "Could not find a property named 'foo' on type 'microsoft.graph.user'.",
    );
    assert.throws(() => parseSelect("bar", new Set(["id"]), "microsoft.graph.group"), {
      message: "Could not find a property named 'bar' on type 'microsoft.graph.group'.",
    });
  });
});

describe("applySelect", () => {
  const record = {
    id: "u1",
    displayName: "Adele Vance",
    userPrincipalName: "AdeleV@contoso.com",
    businessPhones: [],
    givenName: "Adele",
    accountEnabled: true,
    passwordProfile: { password: "secret" },
  };

  test("without $select returns the default user set, missing properties as null", () => {
    const shaped = applySelect(record, undefined, USER_DEFAULT_PROPERTIES);
    assert.deepEqual(Object.keys(shaped), [...USER_DEFAULT_PROPERTIES]);
    assert.equal(shaped.id, "u1");
    assert.equal(shaped.jobTitle, null);
    assert.deepEqual(shaped.businessPhones, []);
    assert.equal("accountEnabled" in shaped, false);
  });

  test("with $select returns exactly the selected properties in order", () => {
    assert.deepEqual(applySelect(record, ["accountEnabled", "displayName", "city"], USER_DEFAULT_PROPERTIES), {
      accountEnabled: true,
      displayName: "Adele Vance",
      city: null,
    });
  });

  test("the user default set is Graph's v1.0 list", () => {
    assert.deepEqual(USER_DEFAULT_PROPERTIES, [
      "id",
      "businessPhones",
      "displayName",
      "givenName",
      "jobTitle",
      "mail",
      "mobilePhone",
      "officeLocation",
      "preferredLanguage",
      "surname",
      "userPrincipalName",
    ]);
  });
});
