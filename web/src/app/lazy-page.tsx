import { type ComponentType, use } from "react";

/**
 * A page whose code loads when first shown, or earlier with `preload()`. Unlike React.lazy, a page whose code
 * is already loaded renders at once: React.lazy suspends once on every first render, and React holds a
 * suspended page back for up to 300 ms.
 */
export function lazyPage<Props extends object>(load: () => Promise<{ default: ComponentType<Props> }>) {
  let Loaded: ComponentType<Props> | undefined;
  let loading: Promise<void> | undefined;
  const preload = () => {
    loading ??= load().then((module) => {
      Loaded = module.default;
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
