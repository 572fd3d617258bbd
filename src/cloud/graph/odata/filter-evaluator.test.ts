import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { compileFilter } from "./filter-evaluator.ts";
import { parseFilter } from "./filter-parser.ts";
import { readIgnoringCase } from "./read-property.ts";

const E5 = "6fd2c87f-b296-42f0-b197-1e91e994b900";
const adele = {
  id: "a1",
  displayName: "Adele Vance",
  userPrincipalName: "AdeleV@contoso.onmicrosoft.com",
  mail: "AdeleV@contoso.com",
  accountEnabled: true,
  companyName: null,
  department: "Retail",
  createdDateTime: "2024-03-01T08:00:00Z",
  businessPhones: ["+1 425 555 0109"],
  otherMails: ["adele@fabrikam.com"],
  proxyAddresses: ["SMTP:AdeleV@contoso.com", "smtp:adele@sales.contoso.com"],
  assignedLicenses: [{ skuId: E5, disabledPlans: [] }],
  onPremisesExtensionAttributes: { extensionAttribute1: "Team-A", extensionAttribute2: null },
};
const grady = {
  id: "g1",
  displayName: "Grady Archie",
  userPrincipalName: "GradyA@contoso.onmicrosoft.com",
  mail: null,
  accountEnabled: false,
  companyName: "Microsoft",
  department: "Sales",
  createdDateTime: "2023-06-15T12:00:00Z",
  businessPhones: [],
  otherMails: [],
  proxyAddresses: [],
  assignedLicenses: [],
};
const users = [adele, grady];

function matching(filter: string): string[] {
  const predicate = compileFilter(parseFilter(filter), readIgnoringCase);
  return users.filter(predicate).map((user) => user.id);
}

describe("compileFilter comparisons", () => {
  test("eq on userPrincipalName ignores case, as in Entra", () => {
    assert.deepEqual(matching("userPrincipalName eq 'adelev@CONTOSO.onmicrosoft.com'"), ["a1"]);
  });

  test("eq and ne on booleans", () => {
    assert.deepEqual(matching("accountEnabled eq true"), ["a1"]);
    assert.deepEqual(matching("accountEnabled ne true"), ["g1"]);
  });

  test("eq null and ne null, with missing properties counting as null", () => {
    assert.deepEqual(matching("companyName eq null"), ["a1"]);
    assert.deepEqual(matching("companyName ne null"), ["g1"]);
    assert.deepEqual(matching("mail eq null"), ["g1"]);
    assert.deepEqual(matching("onPremisesExtensionAttributes/extensionAttribute2 eq null"), ["a1", "g1"]);
  });

  test("ne keeps records whose value is null", () => {
    assert.deepEqual(matching("companyName ne 'Microsoft'"), ["a1"]);
  });

  test("ordering comparisons on dates with DateTimeOffset and Date literals", () => {
    assert.deepEqual(matching("createdDateTime ge 2024-01-01T00:00:00Z"), ["a1"]);
    assert.deepEqual(matching("createdDateTime lt 2024-01-01"), ["g1"]);
    assert.deepEqual(matching("createdDateTime le 2024-03-01T08:00:00Z"), ["a1", "g1"]);
    assert.deepEqual(matching("createdDateTime gt 2024-03-01T08:00:00Z"), []);
  });

  test("ordering comparisons on strings ignore case and never match null", () => {
    assert.deepEqual(matching("department ge 'retail'"), ["a1", "g1"]);
    assert.deepEqual(matching("department gt 'RETAIL'"), ["g1"]);
    assert.deepEqual(matching("companyName ge 'a'"), ["g1"]);
  });

  test("literal on the left compares the same way", () => {
    assert.deepEqual(matching("'Sales' eq department"), ["g1"]);
  });

  test("nested property paths", () => {
    assert.deepEqual(matching("onPremisesExtensionAttributes/extensionAttribute1 eq 'team-a'"), ["a1"]);
  });

  test("in matches any listed value, including null", () => {
    assert.deepEqual(matching("department in ('retail', 'Marketing')"), ["a1"]);
    assert.deepEqual(matching("companyName in (null, 'Contoso')"), ["a1"]);
  });
});

describe("compileFilter functions and logic", () => {
  test("startswith and endswith ignore case and skip null", () => {
    assert.deepEqual(matching("startswith(displayName,'adele')"), ["a1"]);
    assert.deepEqual(matching("endswith(mail,'@CONTOSO.com')"), ["a1"]);
    assert.deepEqual(matching("startswith(mail,'')"), ["a1"]);
  });

  test("and, or, not", () => {
    assert.deepEqual(matching("department eq 'Retail' and accountEnabled eq true"), ["a1"]);
    assert.deepEqual(matching("department eq 'Retail' or companyName eq 'Microsoft'"), ["a1", "g1"]);
    assert.deepEqual(matching("not (department eq 'Retail')"), ["g1"]);
    assert.deepEqual(matching("not startswith(mail,'adele')"), ["g1"]);
  });
});

describe("compileFilter collections", () => {
  test("any over assignedLicenses by skuId, GUID case-insensitive", () => {
    assert.deepEqual(matching(`assignedLicenses/any(x:x/skuId eq ${E5.toUpperCase()})`), ["a1"]);
  });

  test("any over primitive collections", () => {
    assert.deepEqual(matching("proxyAddresses/any(x:startswith(x,'smtp:adele@sales'))"), ["a1"]);
    assert.deepEqual(matching("businessPhones/any(p:p eq '+1 425 555 0109')"), ["a1"]);
    assert.deepEqual(matching("otherMails/any(m:endswith(m,'fabrikam.com'))"), ["a1"]);
  });

  test("not any selects records without a match, including empty collections", () => {
    assert.deepEqual(matching(`not assignedLicenses/any(x:x/skuId eq ${E5})`), ["g1"]);
  });

  test("all is vacuously true on an empty collection", () => {
    assert.deepEqual(matching("proxyAddresses/all(p:startswith(p,'smtp:'))"), ["a1", "g1"]);
    assert.deepEqual(matching("proxyAddresses/all(p:startswith(p,'SMTP:'))"), ["a1", "g1"]);
    assert.deepEqual(matching("proxyAddresses/all(p:endswith(p,'contoso.com'))"), ["a1", "g1"]);
    assert.deepEqual(matching("proxyAddresses/all(p:p eq 'SMTP:AdeleV@contoso.com')"), ["g1"]);
  });

  test("argument-less any tests for a non-empty collection", () => {
    assert.deepEqual(matching("otherMails/any()"), ["a1"]);
  });

  test("$count of a collection", () => {
    assert.deepEqual(matching("assignedLicenses/$count eq 0"), ["g1"]);
    assert.deepEqual(matching("assignedLicenses/$count ne 0"), ["a1"]);
  });

  test("a lambda predicate can still read the record's own properties", () => {
    assert.deepEqual(matching("otherMails/any(m:startswith(m,'adele') and accountEnabled eq true)"), ["a1"]);
  });
});
