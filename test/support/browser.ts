// Debian's Chromium driven by playwright-core: never a downloaded browser. The flags live in src/pdf.
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Browser, Page } from "playwright-core";
import axe from "axe-core";
import { launchChromium as launchDebianChromium } from "../../src/pdf/chromium-launch.js";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  return launchDebianChromium(CHROMIUM_PATH);
}

export interface BrowserSite {
  /** http://127.0.0.1:<port> of the app. */
  readonly base: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

/** Serves `app` on a free loopback port and launches Chromium for it; close() stops both. */
export async function browseApp(app: { fetch: (request: Request) => Response | Promise<Response> }): Promise<BrowserSite> {
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  return {
    base,
    browser,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export interface AxeViolationSummary {
  readonly id: string;
  readonly impact: string | null | undefined;
  readonly targets: readonly string[];
}

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Runs axe-core (WCAG 2.1 A/AA rules) on the page and returns its violations, empty when clean. axe-core is
 * injected and run directly: @axe-core/playwright took 0.4–0.8 s per page for the same result (it opens a
 * blank page to merge frame results; ours have no frames), the direct run 0.15 s.
 */
export async function axeViolations(page: Page): Promise<readonly AxeViolationSummary[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }).then((result) => result.violations),
    WCAG_21_AA,
  );
  return violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    targets: v.nodes.map((n) => n.target.join(" ")),
  }));
}

declare global {
  interface Window {
    readonly axe: typeof axe;
  }
}

/** A page with no script, no axe-core violation and no sideways scrolling at its viewport's width. */
export async function assertAccessiblePage(page: Page, label: string): Promise<void> {
  assert.equal(await page.locator("script").count(), 0, `${label}: no script`);
  assert.deepEqual(await axeViolations(page), [], label);
  const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
  assert.ok(overflow <= 0, `${label}: ${overflow} px too wide`);
}

/** Clicks `selector` and waits for the page it navigates to; returns that page's HTTP status. */
export async function clickAndWait(page: Page, selector: string): Promise<number> {
  const [response] = await Promise.all([page.waitForNavigation({ timeout: 60_000 }), page.click(selector)]);
  return response?.status() ?? 0;
}
