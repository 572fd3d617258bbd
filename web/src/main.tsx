import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app.tsx";
import { preloadPage } from "./app/routes.tsx";
import { TenantScopeProvider } from "./app/tenant-scope.tsx";
import { ThemeChoiceProvider } from "./app/theme-choice.tsx";
import { ApiError } from "./api/api-client.ts";

const queryClient = new QueryClient({
  defaultOptions: {
    // A refusal or bad input will not change on its own: only what may be passing is asked again.
    queries: { retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500), refetchOnWindowFocus: false },
  },
});

preloadPage(window.location.pathname, queryClient);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ThemeChoiceProvider>
        {(theme) => (
          <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} style={{ minHeight: "100vh" }}>
            <TenantScopeProvider>
              <App />
            </TenantScopeProvider>
          </FluentProvider>
        )}
      </ThemeChoiceProvider>
    </QueryClientProvider>
  </StrictMode>,
);
