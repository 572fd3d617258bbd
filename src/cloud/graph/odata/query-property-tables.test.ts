import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { GROUP_QUERY_PROPERTIES } from "./group-query-properties.ts";
import { extensionAttributeKeys, type ResourceQueryProperties } from "./query-property-support.ts";
import { USER_QUERY_PROPERTIES } from "./user-query-properties.ts";

const ENDS_WITH_PROPERTIES = new Set(["mail", "otherMails/any", "userPrincipalName", "proxyAddresses/any"]);

for (const table of [USER_QUERY_PROPERTIES, GROUP_QUERY_PROPERTIES] satisfies ResourceQueryProperties[]) {
  describe(`${table.resourceName} query properties`, () => {
    const declared = new Set(table.declared);

    test("declares each property once", () => {
      assert.equal(declared.size, table.declared.length);
      assert.ok(declared.has("id") && declared.has("displayName"));
    });

    test("filter, count and sort entries name declared properties", () => {
      const keys = [...Object.keys(table.filter), ...Object.keys(table.countFilter), ...Object.keys(table.orderBy)];
      for (const key of keys) assert.ok(declared.has(key.split("/")[0]!), key);
    });

    test("lambda keys use the any form and every entry supports something", () => {
      for (const [key, support] of Object.entries(table.filter)) {
        assert.ok(!key.includes("/all"), key);
        assert.ok(Object.keys(support).length > 0, key);
      }
    });

    test("endsWith is advanced-only and limited to the documented properties", () => {
      for (const [key, support] of Object.entries(table.filter)) {
        if (support.endsWith === undefined) continue;
        assert.ok(ENDS_WITH_PROPERTIES.has(key), key);
        assert.equal(support.endsWith, "advanced", key);
      }
    });

    test("displayName filters and sorts by default", () => {
      assert.deepEqual(table.filter.displayName, { eq: "default", startsWith: "default", eqNull: "advanced" });
      assert.equal(table.orderBy.displayName, "default");
    });
  });
}

test("users sort by userPrincipalName by default and by createdDateTime only in advanced queries", () => {
  assert.equal(USER_QUERY_PROPERTIES.orderBy.userPrincipalName, "default");
  assert.equal(USER_QUERY_PROPERTIES.orderBy.createdDateTime, "advanced");
  assert.equal(GROUP_QUERY_PROPERTIES.orderBy.createdDateTime, undefined);
});

test("extensionAttributeKeys covers extensionAttribute1 to 15", () => {
  const keys = Object.keys(extensionAttributeKeys({ eq: "advanced" }));
  assert.equal(keys.length, 15);
  assert.equal(keys[0], "onPremisesExtensionAttributes/extensionAttribute1");
  assert.equal(keys[14], "onPremisesExtensionAttributes/extensionAttribute15");
  assert.equal(USER_QUERY_PROPERTIES.filter["onPremisesExtensionAttributes/extensionAttribute7"]?.eq, "advanced");
});
