// The console in a real Chromium (Debian's `chromium` package, driven by playwright-core), signed in through
// the local cloud's sign-in page as a person would.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../src/cloud/seed/demo-admins.ts";
import { startTenantry, type TenantryServer } from "./tenantry-server.ts";

export const partnerDomain = "tenantrypartners.onmicrosoft.com";
export const screenshotsDir = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));

function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter((p): p is string => Boolean(p));
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error("Chromium is not installed: run `apt-get install -y chromium` (Debian), or set CHROMIUM_PATH to a Chromium binary.");
  return found;
}

export function launchChromium(): Promise<Browser> {
  // As root (CI containers), Chromium runs only without its sandbox.
  const args = process.getuid?.() === 0 ? ["--no-sandbox"] : [];
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args });
}

export interface ConsoleSession {
  readonly context: BrowserContext;
  readonly page: Page;
}

/**
 * Opens the console and signs in as `username` on the local cloud's sign-in page. The cloud's certificate
 * comes from its own authority, which this browser profile is told to accept.
 */
export async function signInToConsole(browser: Browser, server: Pick<TenantryServer, "url">, username: string, options: { path?: string; colorScheme?: "light" | "dark" } = {}): Promise<ConsoleSession> {
  const context = await browser.newContext({ baseURL: server.url, ignoreHTTPSErrors: true, viewport: { width: 1440, height: 900 }, colorScheme: options.colorScheme ?? "light" });
  const page = await context.newPage();
  await page.goto(options.path ?? "/");
  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Email, phone, or Skype").fill(username);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
  return { context, page };
}

/** Saves what the page shows, as test-results/screenshots/<name>.png. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(screenshotsDir, { recursive: true });
  const path = join(screenshotsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A console test file's Tenantry and Chromium, started together. */
export async function startConsoleTestbed(): Promise<{ server: TenantryServer; browser: Browser }> {
  const [server, browser] = await Promise.all([startTenantry(), launchChromium()]);
  return { server, browser };
}

export async function stopConsoleTestbed(testbed: { server?: TenantryServer; browser?: Browser }): Promise<void> {
  await testbed.browser?.close();
  await testbed.server?.stop();
  await testbed.server?.remove();
}
