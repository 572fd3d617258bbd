import type { FilterNode, LiteralNode, PropertyNode, ValueNode, VariableNode } from "./filter-ast.ts";
import type { FilterSupport, QuerySupport, ResourceQueryProperties } from "./query-property-support.ts";
import {
  countNotSupported,
  notEqualsNeedsAdvancedQuery,
  operatorNeedsAdvancedQuery,
  tooManyOrClauses,
  undeclaredProperty,
  unsupportedPropertyClause,
  unsupportedQuery,
} from "./query-rule-errors.ts";

/** Without advanced queries an OR chain (an `in` list counts its values) may have this many clauses. */
const MAX_OR_CLAUSES = 15;
const DIRECTORY_EXTENSION = /^extension_[0-9a-f]{32}_[A-Za-z0-9_]+$/i;
const MIRRORED = { eq: "eq", ne: "ne", gt: "lt", ge: "le", lt: "gt", le: "ge" } as const;

type Reference = PropertyNode | VariableNode;

/**
 * Refuses a $filter Graph would refuse for this resource: operators that need advanced query
 * parameters, properties or operators a property does not support (per the support tables), and
 * constructs directory objects do not accept (`all`, comparing two properties, `gt`/`lt`).
 */
export function checkFilterRules(node: FilterNode, properties: ResourceQueryProperties, advanced: boolean): void {
  new FilterRuleChecker(properties, advanced).check(node, new Map(), false);
}

class FilterRuleChecker {
  private readonly properties: ResourceQueryProperties;
  private readonly advanced: boolean;
  private readonly canonicalKeys: Map<string, string>;
  private readonly declared: Map<string, string>;

  constructor(properties: ResourceQueryProperties, advanced: boolean) {
    this.properties = properties;
    this.advanced = advanced;
    this.canonicalKeys = lowercaseIndex([...Object.keys(properties.filter), ...Object.keys(properties.countFilter)]);
    this.declared = lowercaseIndex(properties.declared);
  }

  /** `lambdas` maps each range variable in scope to the support-table key of its collection. */
  check(node: FilterNode, lambdas: ReadonlyMap<string, string>, insideOr: boolean): void {
    if (!insideOr && !this.advanced) {
      const clauses = orWidth(node);
      if (clauses > MAX_OR_CLAUSES) throw tooManyOrClauses(clauses, MAX_OR_CLAUSES);
    }
    switch (node.kind) {
      case "and":
        this.check(node.left, lambdas, false);
        this.check(node.right, lambdas, false);
        return;
      case "or":
        this.check(node.left, lambdas, true);
        this.check(node.right, lambdas, true);
        return;
      case "not":
        if (!this.advanced) throw operatorNeedsAdvancedQuery("not");
        this.check(node.operand, lambdas, false);
        return;
      case "compare":
        this.checkComparison(node, lambdas);
        return;
      case "in": {
        const reference = asReference(node.operand);
        const support = this.supportOf(reference, lambdas);
        this.require(support.level?.eq, support.name);
        if (node.values.some((value) => value.type === "null")) this.require(support.level?.eqNull, support.name);
        return;
      }
      case "function": {
        const reference = asReference(node.target);
        if (node.argument.kind !== "literal" || node.argument.type !== "string") throw unsupportedQuery();
        if (node.name === "endswith" && !this.advanced) throw operatorNeedsAdvancedQuery("endsWith");
        const support = this.supportOf(reference, lambdas);
        this.require(node.name === "endswith" ? support.level?.endsWith : support.level?.startsWith, support.name);
        return;
      }
      case "lambda": {
        if (node.operator === "all" || node.predicate === undefined || node.variable === undefined) {
          throw unsupportedQuery();
        }
        const collectionKey = `${this.keyOf(node.source, lambdas)}/any`;
        this.check(node.predicate, new Map(lambdas).set(node.variable, collectionKey), false);
        return;
      }
    }
  }

  private checkComparison(node: Extract<FilterNode, { kind: "compare" }>, lambdas: ReadonlyMap<string, string>): void {
    const literalOnRight = node.right.kind === "literal";
    const subject = literalOnRight ? node.left : node.right;
    const literal = literalOnRight ? node.right : node.left;
    if (subject.kind === "literal" || literal.kind !== "literal") throw unsupportedQuery();
    const operator = literalOnRight ? node.operator : MIRRORED[node.operator];

    if (subject.kind === "count") {
      this.checkCount(subject.source, operator, literal, lambdas);
      return;
    }
    if (operator === "ne" && !this.advanced) throw notEqualsNeedsAdvancedQuery();
    const support = this.supportOf(subject, lambdas);
    let level: QuerySupport | undefined;
    if (operator === "eq" || operator === "ne") level = literal.type === "null" ? support.level?.eqNull : support.level?.eq;
    else if (operator === "ge" || operator === "le") level = support.level?.range;
    this.require(level, support.name);
  }

  private checkCount(source: Reference, operator: string, literal: LiteralNode, lambdas: ReadonlyMap<string, string>): void {
    if (!this.advanced) throw countNotSupported();
    const key = this.keyOf(source, lambdas);
    const name = reportedName(key);
    const support = this.properties.countFilter[this.canonicalKeys.get(key.toLowerCase()) ?? ""];
    if (support === undefined) throw this.unknownOrUnsupported(key, name);
    if ((operator !== "eq" && operator !== "ne") || (literal.value !== 0 && literal.value !== 1)) {
      throw unsupportedPropertyClause(name, this.properties.resourceName);
    }
    this.require(literal.value === 0 ? support.zero : support.one, name);
  }

  private supportOf(reference: Reference, lambdas: ReadonlyMap<string, string>): { level?: FilterSupport; name: string } {
    const key = this.keyOf(reference, lambdas);
    const name = reportedName(key);
    const canonical = this.canonicalKeys.get(key.toLowerCase());
    const level = canonical === undefined ? undefined : this.properties.filter[canonical];
    if (level) return { level, name };
    if (DIRECTORY_EXTENSION.test(key) && this.properties.directoryExtension) {
      return { level: this.properties.directoryExtension, name };
    }
    throw this.unknownOrUnsupported(key, name);
  }

  private unknownOrUnsupported(key: string, name: string) {
    const head = key.split("/")[0]!;
    if (!this.declared.has(head.toLowerCase())) return undeclaredProperty(head);
    return unsupportedPropertyClause(name, this.properties.resourceName);
  }

  /** The support-table key for a reference, e.g. `assignedLicenses/any/skuId` for `x/skuId`. */
  private keyOf(reference: Reference, lambdas: ReadonlyMap<string, string>): string {
    const path = reference.path.map((segment) => this.declared.get(segment.toLowerCase()) ?? segment);
    if (reference.kind === "property") return path.join("/");
    const collection = lambdas.get(reference.name) ?? reference.name;
    return [collection, ...path].join("/");
  }

  private require(level: QuerySupport | undefined, name: string): void {
    if (level === "default" || (level === "advanced" && this.advanced)) return;
    throw unsupportedPropertyClause(name, this.properties.resourceName);
  }
}

function asReference(node: ValueNode): Reference {
  if (node.kind !== "property" && node.kind !== "variable") throw unsupportedQuery();
  return node;
}

/** Number of clauses an OR chain expands to; `x in (a, b)` is `x eq a or x eq b`. */
function orWidth(node: FilterNode): number {
  if (node.kind === "or") return orWidth(node.left) + orWidth(node.right);
  if (node.kind === "in") return node.values.length;
  return 1;
}

/** Graph names the collection for lambda clauses and the last segment for nested properties. */
function reportedName(key: string): string {
  const segments = key.split("/");
  const lambda = segments.indexOf("any");
  return lambda > 0 ? segments[lambda - 1]! : segments.at(-1)!;
}

function lowercaseIndex(names: readonly string[]): Map<string, string> {
  return new Map(names.map((name) => [name.toLowerCase(), name]));
}
