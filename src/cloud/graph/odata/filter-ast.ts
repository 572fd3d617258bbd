export type LiteralType = "string" | "number" | "boolean" | "null" | "guid" | "dateTimeOffset" | "date";

export interface LiteralNode {
  readonly kind: "literal";
  readonly type: LiteralType;
  readonly value: string | number | boolean | null;
}

/** A property path on the record, e.g. ["onPremisesExtensionAttributes", "extensionAttribute1"]. */
export interface PropertyNode {
  readonly kind: "property";
  readonly path: readonly string[];
}

/** A lambda range variable, optionally followed by a path into the current item (`x/skuId`). */
export interface VariableNode {
  readonly kind: "variable";
  readonly name: string;
  readonly path: readonly string[];
}

/** `collection/$count`. */
export interface CountNode {
  readonly kind: "count";
  readonly source: PropertyNode | VariableNode;
}

export type ValueNode = LiteralNode | PropertyNode | VariableNode | CountNode;

export type ComparisonOperator = "eq" | "ne" | "gt" | "ge" | "lt" | "le";

export type FilterNode =
  | { readonly kind: "and" | "or"; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: "not"; readonly operand: FilterNode }
  | {
      readonly kind: "compare";
      readonly operator: ComparisonOperator;
      readonly left: ValueNode;
      readonly right: ValueNode;
    }
  | { readonly kind: "in"; readonly operand: ValueNode; readonly values: readonly LiteralNode[] }
  | {
      readonly kind: "function";
      readonly name: "startswith" | "endswith";
      readonly target: ValueNode;
      readonly argument: ValueNode;
    }
  | {
      readonly kind: "lambda";
      readonly operator: "any" | "all";
      readonly source: PropertyNode | VariableNode;
      /** Absent for the argument-less form `collection/any()`. */
      readonly variable?: string;
      readonly predicate?: FilterNode;
    };
