import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checkQueryRules, type DirectoryQuery, type DirectoryResource, isAdvancedQuery, reportsCount } from "./advanced-query-rules.ts";
import { parseFilter } from "./filter-parser.ts";
import { ODataQueryError } from "./odata-error.ts";
import { parseOrderBy } from "./orderby.ts";
import { parseSearch } from "./search.ts";

const ADVANCED_HINT =
  "is not supported because the required parameters might be missing. Try adding $count=true query parameter and " +
  "ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information";

interface Options {
  orderBy?: string;
  search?: string;
  advanced?: boolean;
  eventualOnly?: boolean;
  countSegment?: boolean;
}

function query(filter: string | undefined, options: Options = {}): DirectoryQuery {
  return {
    filter: filter === undefined ? undefined : parseFilter(filter),
    orderBy: options.orderBy === undefined ? undefined : parseOrderBy(options.orderBy),
    search: options.search === undefined ? undefined : parseSearch(options.search),
    count: options.advanced === true,
    consistencyEventual: options.advanced === true || options.eventualOnly === true,
    countSegment: options.countSegment,
  };
}

function allowed(resource: DirectoryResource, filter: string | undefined, options: Options = {}): void {
  assert.doesNotThrow(() => checkQueryRules(resource, query(filter, options)), `${filter} should be allowed`);
}

function refused(resource: DirectoryResource, filter: string | undefined, options: Options, code: string, message: string): void {
  assert.throws(
    () => checkQueryRules(resource, query(filter, options)),
    (error: unknown) => {
      assert.ok(error instanceof ODataQueryError);
      assert.equal(error.status, 400);
      assert.equal(error.code, code);
      assert.equal(error.message, message);
      return true;
    },
    `${filter} should be refused`,
  );
}

const unsupportedUserProperty = (property: string) =>
  `Unsupported or invalid query filter clause specified for property '${property}' of resource 'User'.`;

describe("advanced query parameters", () => {
  test("need both ConsistencyLevel: eventual and $count", () => {
    assert.equal(isAdvancedQuery(query(undefined, { advanced: true })), true);
    assert.equal(isAdvancedQuery(query(undefined, { eventualOnly: true })), false);
    assert.equal(isAdvancedQuery({ count: true, consistencyEventual: false }), false);
    assert.equal(isAdvancedQuery({ count: false, consistencyEventual: true, countSegment: true }), true);
  });

  test("$count=true without the header is ignored, not refused", () => {
    assert.doesNotThrow(() => checkQueryRules("users", { count: true, consistencyEventual: false }));
    assert.equal(reportsCount({ count: true, consistencyEventual: false }), false);
    assert.equal(reportsCount({ count: true, consistencyEventual: true }), true);
  });

  test("the /$count segment needs the header", () => {
    refused("users", undefined, { countSegment: true }, "Request_BadRequest", "$count is not currently supported.");
    allowed("groups", undefined, { countSegment: true, eventualOnly: true });
  });
});

describe("$filter by default", () => {
  test("allows eq, in, startsWith and ge/le where the property supports them", () => {
    for (const filter of [
      "accountEnabled eq false",
      "userType eq 'Member'",
      "department in ('Retail', 'Sales')",
      "startswith(userPrincipalName, 'admin')",
      "startswith(displayName,'mary') or startswith(givenName,'mary') or startswith(surname,'mary')",
      "createdDateTime ge 2021-01-01T00:00:00Z and createdDateTime le 2022-01-01T00:00:00Z",
      "assignedLicenses/any(x:x/skuId eq 6fd2c87f-b296-42f0-b197-1e91e994b900)",
      "proxyAddresses/any(x:startswith(x,'smtp:a'))",
      "otherMails/any(m:m eq 'a@b.com')",
      "imAddresses/any(i:i eq 'admin@contoso.com')",
      "id eq 'abc'",
      "extension_fe2174665583431c953114ff7268b7b3_Grade eq '5'",
      "USERPRINCIPALNAME eq 'a@b.com'",
    ]) {
      allowed("users", filter);
    }
    allowed("groups", "groupTypes/any(c:c eq 'Unified')");
    allowed("groups", "mailEnabled eq true and securityEnabled eq false");
  });

  test("refuses ne with Graph's operator name", () => {
    refused("users", "accountEnabled ne true", {}, "Request_UnsupportedQuery", "Filter operator 'NotEqualsMatch' is not supported.");
    refused("users", "companyName ne null", {}, "Request_UnsupportedQuery", "Filter operator 'NotEqualsMatch' is not supported.");
  });

  test("refuses not and endsWith with the hint to add advanced query parameters", () => {
    refused("users", "not(userType eq 'Member')", {}, "Request_UnsupportedQuery", `Operator 'not' ${ADVANCED_HINT}`);
    refused("groups", "NOT groupTypes/any(c:c eq 'Unified')", {}, "Request_UnsupportedQuery", `Operator 'not' ${ADVANCED_HINT}`);
    refused("users", "endswith(mail,'@outlook.com')", {}, "Request_UnsupportedQuery", `Operator 'endsWith' ${ADVANCED_HINT}`);
  });

  test("refuses properties that are filterable only in advanced queries", () => {
    refused("users", "startswith(mobilePhone, '25478')", {}, "Request_UnsupportedQuery", unsupportedUserProperty("mobilePhone"));
    refused("users", "companyName eq 'Contoso'", {}, "Request_UnsupportedQuery", unsupportedUserProperty("companyName"));
    refused("users", "city eq null", {}, "Request_UnsupportedQuery", unsupportedUserProperty("city"));
    refused(
      "users",
      "onPremisesExtensionAttributes/extensionAttribute1 eq 'x'",
      {},
      "Request_UnsupportedQuery",
      unsupportedUserProperty("extensionAttribute1"),
    );
    refused("users", "businessPhones/any(p:startswith(p, '44'))", {}, "Request_UnsupportedQuery", unsupportedUserProperty("businessPhones"));
  });

  test("refuses $count of a collection", () => {
    refused("users", "assignedLicenses/$count eq 0", {}, "Request_BadRequest", "$count is not currently supported.");
  });

  test("refuses more than 15 OR clauses, counting in-list values", () => {
    const fifteen = Array.from({ length: 15 }, (_, n) => `'d${n}'`).join(",");
    allowed("users", `department in (${fifteen})`);
    refused(
      "users",
      `department in (${fifteen}, 'd15')`,
      {},
      "Request_UnsupportedQuery",
      "Too many child clauses specified in search filter expression containing 'OR' operators: 16. Max allowed: 15.",
    );
    const ors = Array.from({ length: 18 }, (_, n) => `displayName eq 'u${n}'`).join(" or ");
    refused(
      "users",
      `accountEnabled eq true and (${ors})`,
      {},
      "Request_UnsupportedQuery",
      "Too many child clauses specified in search filter expression containing 'OR' operators: 18. Max allowed: 15.",
    );
    allowed("users", `accountEnabled eq true and (${ors})`, { advanced: true });
  });
});

describe("$filter in advanced queries", () => {
  test("allows ne, not, endsWith, $count and advanced-only properties", () => {
    for (const filter of [
      "accountEnabled ne true",
      "companyName ne null and NOT(companyName eq 'Microsoft')",
      "companyName in (null, 'Microsoft')",
      "NOT startsWith(displayName, 'Conf')",
      "endswith(mail,'@outlook.com')",
      "endsWith(userPrincipalName,'#EXT#@contoso.com')",
      "proxyAddresses/any(p:endsWith(p, 'OnMicrosoft.com'))",
      "startswith(mobilePhone, '25478') OR startswith(mobilePhone, '25473')",
      "onPremisesExtensionAttributes/extensionAttribute15 eq 'ABC'",
      "assignedLicenses/$count eq 0",
      "assignedLicenses/$count ne 0",
      "not(assignedLicenses/$count eq 0)",
      "ownedObjects/$count eq 1",
      "assignedPlans/any(a:a/servicePlanId eq 2e2ddb96-6af9-4b1d-a3f0-d6ecfd22edb2 and a/capabilityStatus eq 'Suspended')",
      "NOT(imAddresses/any(i:i eq 'admin@contoso.com'))",
      "employeeHireDate ge 2020-01-01T00:00:00Z",
    ]) {
      allowed("users", filter, { advanced: true });
    }
    allowed("groups", "NOT groupTypes/any(c:c eq 'Unified')", { advanced: true });
    allowed("groups", "not(endswith(mail,'contoso.com'))", { advanced: true });
  });

  test("the header alone is not enough", () => {
    refused("users", "accountEnabled ne true", { eventualOnly: true }, "Request_UnsupportedQuery", "Filter operator 'NotEqualsMatch' is not supported.");
  });

  test("still refuses what a property does not support", () => {
    refused(
      "groups",
      "createdDateTime ge 2021-11-01",
      { advanced: true },
      "Request_UnsupportedQuery",
      "Unsupported or invalid query filter clause specified for property 'createdDateTime' of resource 'Group'.",
    );
    refused("users", "endswith(displayName,'son')", { advanced: true }, "Request_UnsupportedQuery", unsupportedUserProperty("displayName"));
    refused("users", "startswith(userType,'Mem')", { advanced: true }, "Request_UnsupportedQuery", unsupportedUserProperty("userType"));
    refused("users", "userPrincipalName eq null", { advanced: true }, "Request_UnsupportedQuery", unsupportedUserProperty("userPrincipalName"));
    refused("users", "aboutMe eq 'x'", { advanced: true }, "Request_UnsupportedQuery", unsupportedUserProperty("aboutMe"));
    refused("users", "proxyAddresses eq 'smtp:a@b.com'", { advanced: true }, "Request_UnsupportedQuery", unsupportedUserProperty("proxyAddresses"));
    refused("users", "createdDateTime gt 2021-01-01", { advanced: true }, "Request_UnsupportedQuery", unsupportedUserProperty("createdDateTime"));
    refused("users", "assignedLicenses/$count eq 2", { advanced: true }, "Request_UnsupportedQuery", unsupportedUserProperty("assignedLicenses"));
    refused("users", "assignedLicenses/$count eq 1", { advanced: true }, "Request_UnsupportedQuery", unsupportedUserProperty("assignedLicenses"));
  });

  test("refuses undeclared properties with Graph's message", () => {
    refused(
      "users",
      "extensionAttribute15 eq 'ABC'",
      { advanced: true },
      "Request_UnsupportedQuery",
      "Property 'extensionAttribute15' does not exist as a declared property or extension property.",
    );
    refused(
      "groups",
      "foo/any(x:x eq 'a')",
      {},
      "Request_UnsupportedQuery",
      "Property 'foo' does not exist as a declared property or extension property.",
    );
  });

  test("refuses all, argument-less any and property-to-property comparisons", () => {
    for (const filter of ["proxyAddresses/all(p:startswith(p,'smtp'))", "otherMails/any()", "displayName eq mail", "1 eq 1"]) {
      refused("users", filter, { advanced: true }, "Request_UnsupportedQuery", "Unsupported Query.");
    }
  });
});

describe("$orderby", () => {
  test("sorts by default on displayName and userPrincipalName", () => {
    allowed("users", undefined, { orderBy: "displayName" });
    allowed("users", undefined, { orderBy: "userPrincipalName desc" });
    allowed("groups", undefined, { orderBy: "displayName" });
  });

  test("needs advanced queries for the other sortable properties", () => {
    refused("users", undefined, { orderBy: "createdDateTime" }, "Request_UnsupportedQuery", "Sorting not supported for current query.");
    allowed("users", undefined, { orderBy: "createdDateTime desc", advanced: true });
    refused("groups", undefined, { orderBy: "deletedDateTime" }, "Request_UnsupportedQuery", "Sorting not supported for current query.");
  });

  test("refuses unsortable properties even in advanced queries", () => {
    refused("users", undefined, { orderBy: "jobTitle", advanced: true }, "Request_UnsupportedQuery", "Sorting not supported for current query.");
    refused("groups", undefined, { orderBy: "mail", advanced: true }, "Request_UnsupportedQuery", "Sorting not supported for current query.");
  });

  test("with $filter needs advanced queries", () => {
    refused("users", "userType eq 'Member'", { orderBy: "displayName" }, "Request_UnsupportedQuery", "Sorting not supported for current query.");
    refused("groups", "securityEnabled eq true", { orderBy: "displayName", eventualOnly: true }, "Request_UnsupportedQuery", "Sorting not supported for current query.");
    allowed("users", "userType eq 'Member'", { orderBy: "displayName", advanced: true });
  });
});

describe("$search", () => {
  test("needs the ConsistencyLevel header but not $count", () => {
    refused(
      "users",
      undefined,
      { search: '"displayName:room"' },
      "Request_UnsupportedQuery",
      "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    );
    allowed("users", undefined, { search: '"displayName:room"', eventualOnly: true });
    allowed("groups", "mailEnabled eq true", { search: '"displayName:OneVideo" OR "mail:onevideo"', eventualOnly: true });
  });

  test("accepts filterable properties and refuses others", () => {
    allowed("groups", undefined, { search: '"description:One" AND ("displayName:Video" OR "displayName:Drive")', eventualOnly: true });
    allowed("users", undefined, { search: '"proxyAddresses:smtp:a"', eventualOnly: true });
    refused(
      "users",
      undefined,
      { search: '"description:x"', eventualOnly: true },
      "Request_UnsupportedQuery",
      "Property 'description' does not exist as a declared property or extension property.",
    );
    refused("users", undefined, { search: '"aboutMe:x"', eventualOnly: true }, "Request_UnsupportedQuery", unsupportedUserProperty("aboutMe"));
  });
});
