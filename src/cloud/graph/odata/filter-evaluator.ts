import type { ComparisonOperator, FilterNode, LiteralType, ValueNode } from "./filter-ast.ts";
import { compareValues, valuesEqual } from "./filter-values.ts";
import { type PropertyReader, readPath } from "./read-property.ts";

interface Scope {
  readonly root: object;
  readonly variables: ReadonlyMap<string, unknown>;
}

interface Operand {
  readonly value: unknown;
  /** Type of a literal operand; it decides how the other side is compared. */
  readonly hint?: LiteralType;
}

type Predicate = (scope: Scope) => boolean;
type ValueReader = (scope: Scope) => Operand;

/**
 * Turns a parsed $filter into a record predicate. `read` resolves one property of a record, nested
 * object or collection item (see readIgnoringCase for Graph's case-insensitive names).
 * String comparisons ignore case as Entra does; `eq null` matches missing values.
 */
export function compileFilter(node: FilterNode, read: PropertyReader): (record: object) => boolean {
  const predicate = compileNode(node, read);
  return (record) => predicate({ root: record, variables: new Map() });
}

function compileNode(node: FilterNode, read: PropertyReader): Predicate {
  switch (node.kind) {
    case "and": {
      const left = compileNode(node.left, read);
      const right = compileNode(node.right, read);
      return (scope) => left(scope) && right(scope);
    }
    case "or": {
      const left = compileNode(node.left, read);
      const right = compileNode(node.right, read);
      return (scope) => left(scope) || right(scope);
    }
    case "not": {
      const operand = compileNode(node.operand, read);
      return (scope) => !operand(scope);
    }
    case "compare": {
      const left = compileValue(node.left, read);
      const right = compileValue(node.right, read);
      const operator = node.operator;
      return (scope) => compareOperands(operator, left(scope), right(scope));
    }
    case "in": {
      const operand = compileValue(node.operand, read);
      const values = node.values;
      return (scope) => {
        const { value } = operand(scope);
        return values.some((literal) => valuesEqual(value, literal.value, literal.type));
      };
    }
    case "function": {
      const target = compileValue(node.target, read);
      const argument = compileValue(node.argument, read);
      const test = node.name === "startswith" ? startsWithIgnoringCase : endsWithIgnoringCase;
      return (scope) => test(target(scope).value, argument(scope).value);
    }
    case "lambda":
      return compileLambda(node, read);
  }
}

function compileLambda(node: Extract<FilterNode, { kind: "lambda" }>, read: PropertyReader): Predicate {
  const source = compileValue(node.source, read);
  const predicate = node.predicate ? compileNode(node.predicate, read) : undefined;
  const variable = node.variable;
  const matchesAll = node.operator === "all";
  return (scope) => {
    const items = source(scope).value;
    if (!Array.isArray(items)) return matchesAll;
    if (!predicate || variable === undefined) return matchesAll || items.length > 0;
    const test = (item: unknown) => predicate({ root: scope.root, variables: new Map(scope.variables).set(variable, item) });
    return matchesAll ? items.every(test) : items.some(test);
  };
}

function compileValue(node: ValueNode, read: PropertyReader): ValueReader {
  switch (node.kind) {
    case "literal": {
      const operand: Operand = { value: node.value, hint: node.type === "null" ? undefined : node.type };
      return () => operand;
    }
    case "property":
      return (scope) => ({ value: readPath(scope.root, node.path, read) });
    case "variable":
      return (scope) => ({ value: readPath(scope.variables.get(node.name), node.path, read) });
    case "count": {
      const source = compileValue(node.source, read);
      return (scope) => {
        const items = source(scope).value;
        return { value: Array.isArray(items) ? items.length : 0, hint: "number" };
      };
    }
  }
}

function compareOperands(operator: ComparisonOperator, left: Operand, right: Operand): boolean {
  const hint = left.hint ?? right.hint;
  if (operator === "eq") return valuesEqual(left.value, right.value, hint);
  if (operator === "ne") return !valuesEqual(left.value, right.value, hint);
  const order = compareValues(left.value, right.value, hint);
  if (order === undefined) return false;
  switch (operator) {
    case "gt":
      return order > 0;
    case "ge":
      return order >= 0;
    case "lt":
      return order < 0;
    default:
      return order <= 0;
  }
}

function startsWithIgnoringCase(value: unknown, prefix: unknown): boolean {
  return typeof value === "string" && typeof prefix === "string" && value.toLowerCase().startsWith(prefix.toLowerCase());
}

function endsWithIgnoringCase(value: unknown, suffix: unknown): boolean {
  return typeof value === "string" && typeof suffix === "string" && value.toLowerCase().endsWith(suffix.toLowerCase());
}
