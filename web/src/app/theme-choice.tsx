// Light or dark: the operator's choice, else the system's.
import { createContext, type ReactNode, useCallback, useContext, useState } from "react";

export type ThemeName = "light" | "dark";

const storageKey = "tenantry.theme";

function initialTheme(): ThemeName {
  const stored = localStorage.getItem(storageKey);
  if (stored === "light" || stored === "dark") return stored;
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

const ThemeChoiceContext = createContext<{ theme: ThemeName; toggle: () => void }>({ theme: "light", toggle: () => undefined });

export function ThemeChoiceProvider({ children }: { readonly children: (theme: ThemeName) => ReactNode }) {
  const [theme, setTheme] = useState(initialTheme);
  const toggle = useCallback(() => {
    setTheme((current) => {
      const next = current === "light" ? "dark" : "light";
      localStorage.setItem(storageKey, next);
      return next;
    });
  }, []);
  return <ThemeChoiceContext value={{ theme, toggle }}>{children(theme)}</ThemeChoiceContext>;
}

export function useThemeChoice() {
  return useContext(ThemeChoiceContext);
}
