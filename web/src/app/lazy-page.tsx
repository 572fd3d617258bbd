import type { QueryClient } from "@tanstack/react-query";
import { type ComponentType, use } from "react";

/** A page's module: the page, and what it asks the API for first, when a visit opens on it. */
export interface PageModule<Props> {
  readonly default: ComponentType<Props>;
  readonly prefetch?: (client: QueryClient) => void;
}

/**
 * A page whose code loads when first shown, or earlier with `preload()`. Unlike React.lazy, a page whose code
 * is already loaded renders at once: React.lazy suspends once on every first render, and React holds a
 * suspended page back for up to 300 ms.
 */
export function lazyPage<Props extends object>(load: () => Promise<PageModule<Props>>) {
  let Loaded: ComponentType<Props> | undefined;
  let loading: Promise<PageModule<Props>> | undefined;
  const preload = () => {
    loading ??= load().then((module) => {
      Loaded = module.default;
      return module;
    });
    return loading;
  };
  // biome-ignore lint/correctness/noComponentHookFactories: made once per page at module level, as React.lazy is.
  function Page(props: Props) {
    if (!Loaded) use(preload());
    const Component = Loaded!;
    return <Component {...props} />;
  }
  return Object.assign(Page, { preload });
}
