export interface RouteMatch<H> {
  readonly handler: H;
  readonly pattern: string;
  readonly params: Readonly<Record<string, string>>;
}

interface Route<H> {
  readonly method: string;
  readonly pattern: string;
  readonly parts: readonly string[];
  readonly handler: H;
}

/**
 * Matches paths against templates such as `/users/{id}/manager/$ref`. Literal segments match
 * without regard to case, as Graph's and the identity platform's do; `{name}` takes one segment.
 * Literal routes win over parameter routes so that `/users/delta` is not read as a user id.
 */
export class Router<H> {
  readonly #routes: Route<H>[] = [];

  add(method: string, pattern: string, handler: H): this {
    const parts = pattern.split("/").filter((p) => p.length > 0);
    this.#routes.push({ method, pattern, parts, handler });
    this.#routes.sort((a, b) => literalWeight(b.parts) - literalWeight(a.parts));
    return this;
  }

  /** The first segment no route takes at its position, which Graph names in "Resource not found for the segment". */
  firstUnknownSegment(segments: readonly string[]): string | undefined {
    for (let i = 0; i < segments.length; i++) {
      const known = this.#routes.some((route) => route.parts.length > i && matchParts(route.parts.slice(0, i + 1), segments.slice(0, i + 1)));
      if (!known) return segments[i];
    }
    return segments.at(-1);
  }

  match(method: string, segments: readonly string[]): RouteMatch<H> | "method-not-allowed" | undefined {
    let pathMatched = false;
    for (const route of this.#routes) {
      const params = matchParts(route.parts, segments);
      if (!params) continue;
      if (route.method !== method) {
        pathMatched = true;
        continue;
      }
      return { handler: route.handler, pattern: route.pattern, params };
    }
    return pathMatched ? "method-not-allowed" : undefined;
  }
}

function isParam(part: string): boolean {
  return part.startsWith("{") && part.endsWith("}");
}

function literalWeight(parts: readonly string[]): number {
  let weight = 0;
  for (const [i, part] of parts.entries()) if (!isParam(part)) weight += 2 ** (16 - i);
  return weight;
}

function matchParts(parts: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of parts.entries()) {
    const segment = segments[i]!;
    if (isParam(part)) params[part.slice(1, -1)] = segment;
    else if (part.toLowerCase() !== segment.toLowerCase()) return undefined;
  }
  return params;
}
