import type {
  ComparisonOperator,
  FilterNode,
  LiteralNode,
  PropertyNode,
  ValueNode,
  VariableNode,
} from "./filter-ast.ts";
import { type FilterToken, invalidFilterClause, tokenizeFilter } from "./filter-lexer.ts";
import { ODataQueryError } from "./odata-error.ts";

export type {
  ComparisonOperator,
  CountNode,
  FilterNode,
  LiteralNode,
  LiteralType,
  PropertyNode,
  ValueNode,
  VariableNode,
} from "./filter-ast.ts";

const COMPARISON_OPERATORS = new Set<string>(["eq", "ne", "gt", "ge", "lt", "le"]);
const FUNCTIONS = new Set<string>(["startswith", "endswith"]);
const RESERVED = new Set<string>(["and", "or", "not", "in", ...COMPARISON_OPERATORS]);

type Expression = FilterNode | ValueNode;

/**
 * Parses an OData v4 $filter expression as Graph accepts it for directory objects.
 * Keywords, function names and literals are case-insensitive, as Graph treats them; precedence
 * follows OData: `not` binds tightest, then comparisons and `in`, then `and`, then `or`.
 */
export function parseFilter(text: string): FilterNode {
  return new FilterParser(text).parse();
}

class FilterParser {
  private readonly text: string;
  private readonly tokens: FilterToken[];
  private index = 0;
  private readonly variables: string[] = [];

  constructor(text: string) {
    this.text = text;
    this.tokens = tokenizeFilter(text);
  }

  parse(): FilterNode {
    const expression = this.parseOr();
    const next = this.peek();
    if (next.kind !== "end") throw this.syntaxErrorAt(next.end);
    return this.requireBoolean(expression, next.end);
  }

  private parseOr(): Expression {
    let left = this.parseAnd();
    while (this.isKeyword(this.peek(), "or")) {
      const operatorEnd = this.take().end;
      const right = this.requireBoolean(this.parseAnd(), this.previousEnd());
      left = { kind: "or", left: this.requireBoolean(left, operatorEnd), right };
    }
    return left;
  }

  private parseAnd(): Expression {
    let left = this.parseComparison();
    while (this.isKeyword(this.peek(), "and")) {
      const operatorEnd = this.take().end;
      const right = this.requireBoolean(this.parseComparison(), this.previousEnd());
      left = { kind: "and", left: this.requireBoolean(left, operatorEnd), right };
    }
    return left;
  }

  private parseComparison(): Expression {
    const left = this.parseUnary();
    const next = this.peek();
    if (next.kind === "identifier" && COMPARISON_OPERATORS.has(next.text.toLowerCase())) {
      this.take();
      const right = this.parseUnary();
      return {
        kind: "compare",
        operator: next.text.toLowerCase() as ComparisonOperator,
        left: this.requireValue(left, next.end),
        right: this.requireValue(right, this.previousEnd()),
      };
    }
    if (this.isKeyword(next, "in")) {
      this.take();
      return { kind: "in", operand: this.requireValue(left, next.end), values: this.parseLiteralList() };
    }
    return left;
  }

  private parseUnary(): Expression {
    const next = this.peek();
    if (this.isKeyword(next, "not")) {
      this.take();
      return { kind: "not", operand: this.requireBoolean(this.parseUnary(), this.previousEnd()) };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Expression {
    const token = this.peek();
    if (token.kind === "(") {
      this.take();
      const inner = this.parseOr();
      const close = this.peek();
      if (close.kind !== ")") {
        throw invalidFilterClause(`')' or operator expected at position ${close.start} in '${this.text}'.`);
      }
      this.take();
      return inner;
    }
    if (token.kind === "literal") {
      this.take();
      return literalFromToken(token);
    }
    if (token.kind === "identifier" && !RESERVED.has(token.text.toLowerCase())) {
      const keywordLiteral = keywordLiteralOf(token.text);
      if (keywordLiteral) {
        this.take();
        return keywordLiteral;
      }
      if (this.peek(1).kind === "(") return this.parseFunctionCall();
      return this.parsePath();
    }
    throw invalidFilterClause(`Expression expected at position ${token.start} in '${this.text}'.`);
  }

  private parseFunctionCall(): FilterNode {
    const nameToken = this.take() as Extract<FilterToken, { kind: "identifier" }>;
    const name = nameToken.text.toLowerCase();
    if (!FUNCTIONS.has(name)) {
      throw new ODataQueryError(
        400,
        "Request_BadRequest",
        `An unknown function with name '${nameToken.text}' was found. ` +
          "This may also be a key lookup on a navigation property, which is not allowed.",
      );
    }
    this.take(); // "("
    const target = this.requireValue(this.parseOr(), this.previousEnd());
    this.expect(",", "')' or ',' expected");
    const argument = this.requireValue(this.parseOr(), this.previousEnd());
    this.expect(")", "')' or ',' expected");
    return { kind: "function", name: name as "startswith" | "endswith", target, argument };
  }

  private parsePath(): Expression {
    const first = this.take() as Extract<FilterToken, { kind: "identifier" }>;
    const segments: string[] = [first.text];
    while (this.peek().kind === "/") {
      this.take();
      const segment = this.peek();
      if (segment.kind !== "identifier") throw this.syntaxErrorAt(segment.end);
      const lowered = segment.text.toLowerCase();
      if ((lowered === "any" || lowered === "all") && this.peek(1).kind === "(") {
        this.take();
        return this.parseLambda(lowered, this.referenceTo(segments));
      }
      this.take();
      if (lowered === "$count") return { kind: "count", source: this.referenceTo(segments) };
      if (segment.text.startsWith("$")) throw this.syntaxErrorAt(segment.end);
      segments.push(segment.text);
    }
    if (first.text.startsWith("$")) throw this.syntaxErrorAt(first.end);
    return this.referenceTo(segments);
  }

  private parseLambda(operator: "any" | "all", source: PropertyNode | VariableNode): FilterNode {
    this.take(); // "("
    if (this.peek().kind === ")") {
      this.take();
      return { kind: "lambda", operator, source };
    }
    const variable = this.peek();
    if (variable.kind !== "identifier") throw this.syntaxErrorAt(variable.end);
    this.take();
    this.expect(":", "':' expected");
    this.variables.push(variable.text);
    const predicate = this.requireBoolean(this.parseOr(), this.previousEnd());
    this.variables.pop();
    this.expect(")", "')' or operator expected");
    return { kind: "lambda", operator, source, variable: variable.text, predicate };
  }

  private parseLiteralList(): LiteralNode[] {
    this.expect("(", "'(' expected");
    const values: LiteralNode[] = [];
    while (true) {
      const token = this.peek();
      const keywordLiteral = token.kind === "identifier" ? keywordLiteralOf(token.text) : undefined;
      if (token.kind === "literal") values.push(literalFromToken(token));
      else if (keywordLiteral) values.push(keywordLiteral);
      else throw invalidFilterClause(`Expression expected at position ${token.start} in '${this.text}'.`);
      this.take();
      const separator = this.peek();
      if (separator.kind === ")") {
        this.take();
        return values;
      }
      this.expect(",", "')' or ',' expected");
    }
  }

  private referenceTo(segments: readonly string[]): PropertyNode | VariableNode {
    const [head, ...rest] = segments;
    if (head !== undefined && this.variables.includes(head)) return { kind: "variable", name: head, path: rest };
    return { kind: "property", path: segments };
  }

  private requireBoolean(expression: Expression, end: number): FilterNode {
    if (isValueNode(expression)) throw this.syntaxErrorAt(end);
    return expression;
  }

  private requireValue(expression: Expression, end: number): ValueNode {
    if (!isValueNode(expression)) throw this.syntaxErrorAt(end);
    return expression;
  }

  private expect(kind: FilterToken["kind"], description: string): void {
    const token = this.peek();
    if (token.kind !== kind) {
      throw invalidFilterClause(`${description} at position ${token.start} in '${this.text}'.`);
    }
    this.take();
  }

  private isKeyword(token: FilterToken, keyword: string): boolean {
    return token.kind === "identifier" && token.text.toLowerCase() === keyword;
  }

  // Graph reports the offset just past the offending token, e.g. 17 for the "," in
  // "jobtitle ge '!' , accountenabled eq true".
  private syntaxErrorAt(end: number): ODataQueryError {
    return invalidFilterClause(`Syntax error at position ${end} in '${this.text}'.`);
  }

  private peek(offset = 0): FilterToken {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)]!;
  }

  private take(): FilterToken {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return token;
  }

  private previousEnd(): number {
    return this.tokens[Math.max(this.index - 1, 0)]!.end;
  }
}

function isValueNode(expression: Expression): expression is ValueNode {
  return (
    expression.kind === "literal" ||
    expression.kind === "property" ||
    expression.kind === "variable" ||
    expression.kind === "count"
  );
}

function literalFromToken(token: Extract<FilterToken, { kind: "literal" }>): LiteralNode {
  return { kind: "literal", type: token.type, value: token.value };
}

function keywordLiteralOf(text: string): LiteralNode | undefined {
  switch (text.toLowerCase()) {
    case "true":
      return { kind: "literal", type: "boolean", value: true };
    case "false":
      return { kind: "literal", type: "boolean", value: false };
    case "null":
      return { kind: "literal", type: "null", value: null };
    default:
      return undefined;
  }
}
