import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type FilterNode, parseFilter } from "./filter-parser.ts";
import { ODataQueryError } from "./odata-error.ts";

const property = (...path: string[]) => ({ kind: "property", path });
const literal = (type: string, value: unknown) => ({ kind: "literal", type, value });
const eq = (left: unknown, right: unknown) => ({ kind: "compare", operator: "eq", left, right });

function assertFilterError(text: string, code: string, message: string): void {
  assert.throws(
    () => parseFilter(text),
    (error: unknown) => error instanceof ODataQueryError && error.status === 400 && error.code === code && error.message === message,
  );
}

describe("parseFilter comparisons", () => {
  test("parses every comparison operator", () => {
    for (const operator of ["eq", "ne", "gt", "ge", "lt", "le"]) {
      assert.deepEqual(parseFilter(`displayName ${operator} 'a'`), {
        kind: "compare",
        operator,
        left: property("displayName"),
        right: literal("string", "a"),
      });
    }
  });

  test("accepts operators, keywords and literals in any case", () => {
    assert.deepEqual(parseFilter("accountEnabled EQ TRUE"), eq(property("accountEnabled"), literal("boolean", true)));
    assert.deepEqual(parseFilter("companyName Eq Null"), eq(property("companyName"), literal("null", null)));
  });

  test("parses typed literals", () => {
    const right = (text: string) => (parseFilter(`x eq ${text}`) as { right: unknown }).right;
    assert.deepEqual(right("false"), literal("boolean", false));
    assert.deepEqual(right("12.5"), literal("number", 12.5));
    assert.deepEqual(right("-4"), literal("number", -4));
    assert.deepEqual(right("6fd2c87f-b296-42f0-b197-1e91e994b900"), literal("guid", "6fd2c87f-b296-42f0-b197-1e91e994b900"));
    assert.deepEqual(right("2024-01-01T00:00:00Z"), literal("dateTimeOffset", "2024-01-01T00:00:00Z"));
    assert.deepEqual(right("2024-01-01"), literal("date", "2024-01-01"));
    assert.deepEqual(right("'it''s'"), literal("string", "it's"));
  });

  test("parses property paths into complex properties", () => {
    assert.deepEqual(
      parseFilter("onPremisesExtensionAttributes/extensionAttribute1 eq 'x'"),
      eq(property("onPremisesExtensionAttributes", "extensionAttribute1"), literal("string", "x")),
    );
  });

  test("parses in lists, including null", () => {
    assert.deepEqual(parseFilter("companyName in (null, 'Microsoft')"), {
      kind: "in",
      operand: property("companyName"),
      values: [literal("null", null), literal("string", "Microsoft")],
    });
  });

  test("parses $count of a collection", () => {
    assert.deepEqual(parseFilter("assignedLicenses/$count eq 0"), {
      kind: "compare",
      operator: "eq",
      left: { kind: "count", source: property("assignedLicenses") },
      right: literal("number", 0),
    });
  });
});

describe("parseFilter functions", () => {
  test("accepts startswith and endswith in any case and with spaces", () => {
    for (const text of ["startswith(displayName,'Box')", "startsWith( displayName, 'Box')", "STARTSWITH(displayName,'Box')"]) {
      assert.deepEqual(parseFilter(text), {
        kind: "function",
        name: "startswith",
        target: property("displayName"),
        argument: literal("string", "Box"),
      });
    }
    assert.equal((parseFilter("endsWith(mail,'@outlook.com')") as { name: string }).name, "endswith");
  });

  test("refuses unknown functions as Graph does", () => {
    assertFilterError(
      "contains(displayName,'a')",
      "Request_BadRequest",
      "An unknown function with name 'contains' was found. This may also be a key lookup on a navigation property, which is not allowed.",
    );
  });
});

describe("parseFilter lambdas", () => {
  test("parses any over complex items with a GUID literal", () => {
    assert.deepEqual(parseFilter("assignedLicenses/any(x:x/skuId eq 6fd2c87f-b296-42f0-b197-1e91e994b900)"), {
      kind: "lambda",
      operator: "any",
      source: property("assignedLicenses"),
      variable: "x",
      predicate: eq({ kind: "variable", name: "x", path: ["skuId"] }, literal("guid", "6fd2c87f-b296-42f0-b197-1e91e994b900")),
    });
  });

  test("parses any over primitive items, with functions and whitespace before the parenthesis", () => {
    const node = parseFilter("proxyAddresses/any (p:startswith(p,'smtp:a'))");
    assert.deepEqual(node, {
      kind: "lambda",
      operator: "any",
      source: property("proxyAddresses"),
      variable: "p",
      predicate: {
        kind: "function",
        name: "startswith",
        target: { kind: "variable", name: "p", path: [] },
        argument: literal("string", "smtp:a"),
      },
    });
  });

  test("parses businessPhones, otherMails and all", () => {
    assert.equal((parseFilter("businessPhones/any(p:p eq '123')") as { operator: string }).operator, "any");
    assert.equal((parseFilter("otherMails/ALL(m:endswith(m,'.com'))") as { operator: string }).operator, "all");
  });

  test("parses an argument-less any", () => {
    assert.deepEqual(parseFilter("otherMails/any()"), { kind: "lambda", operator: "any", source: property("otherMails") });
  });

  test("only the range variable becomes a variable reference", () => {
    const node = parseFilter("assignedPlans/any(a:a/servicePlanId eq 2e2ddb96-6af9-4b1d-a3f0-d6ecfd22edb2 and a/capabilityStatus eq 'Suspended')");
    assert.equal(node.kind, "lambda");
    const predicate = (node as { predicate: { kind: string; right: { left: unknown } } }).predicate;
    assert.equal(predicate.kind, "and");
    assert.deepEqual(predicate.right.left, { kind: "variable", name: "a", path: ["capabilityStatus"] });
    const outside = parseFilter("a eq 'x'") as { left: unknown };
    assert.deepEqual(outside.left, property("a"));
  });
});

describe("parseFilter logic and precedence", () => {
  const a = eq(property("a"), literal("number", 1));
  const b = eq(property("b"), literal("number", 2));
  const c = eq(property("c"), literal("number", 3));

  test("and binds tighter than or", () => {
    assert.deepEqual(parseFilter("a eq 1 or b eq 2 and c eq 3"), { kind: "or", left: a, right: { kind: "and", left: b, right: c } });
    assert.deepEqual(parseFilter("a eq 1 and b eq 2 or c eq 3"), { kind: "or", left: { kind: "and", left: a, right: b }, right: c });
  });

  test("not binds tighter than and", () => {
    assert.deepEqual(parseFilter("not (a eq 1) and b eq 2"), { kind: "and", left: { kind: "not", operand: a }, right: b });
    assert.deepEqual(parseFilter("NOT startsWith(displayName, 'Conf')").kind, "not");
  });

  test("parentheses override precedence; operators are left-associative", () => {
    assert.deepEqual(parseFilter("(a eq 1 or b eq 2) and c eq 3"), { kind: "and", left: { kind: "or", left: a, right: b }, right: c });
    assert.deepEqual(parseFilter("a eq 1 or b eq 2 or c eq 3"), { kind: "or", left: { kind: "or", left: a, right: b }, right: c });
  });

  test("accepts upper-case AND, OR and NOT as Graph's examples use them", () => {
    const node: FilterNode = parseFilter("companyName ne null AND NOT(companyName eq 'Microsoft') OR a eq 1");
    assert.equal(node.kind, "or");
  });
});

describe("parseFilter syntax errors", () => {
  test("reports the position just past the offending token, as Graph does", () => {
    assertFilterError("iswhatever 12", "BadRequest", "Invalid filter clause: Syntax error at position 13 in 'iswhatever 12'.");
    assertFilterError(
      "jobtitle ge '!' , accountenabled eq true",
      "BadRequest",
      "Invalid filter clause: Syntax error at position 17 in 'jobtitle ge '!' , accountenabled eq true'.",
    );
  });

  test("reports a missing operand", () => {
    assertFilterError("displayName eq", "BadRequest", "Invalid filter clause: Expression expected at position 14 in 'displayName eq'.");
    assertFilterError("", "BadRequest", "Invalid filter clause: Expression expected at position 0 in ''.");
  });

  test("reports a missing closing parenthesis", () => {
    assertFilterError("(a eq 1", "BadRequest", "Invalid filter clause: ')' or operator expected at position 7 in '(a eq 1'.");
    assertFilterError("startswith(a,'x'", "BadRequest", "Invalid filter clause: ')' or ',' expected at position 16 in 'startswith(a,'x''.");
  });

  test("refuses a bare value where a condition is required", () => {
    assertFilterError("accountEnabled", "BadRequest", "Invalid filter clause: Syntax error at position 14 in 'accountEnabled'.");
    assertFilterError("not displayName eq 'x'", "BadRequest", "Invalid filter clause: Syntax error at position 15 in 'not displayName eq 'x''.");
  });

  test("refuses non-literal members of an in list", () => {
    assertFilterError("a in (b)", "BadRequest", "Invalid filter clause: Expression expected at position 6 in 'a in (b)'.");
  });
});
