// Debian's Chromium driven by playwright-core: never a downloaded browser. The flags live in src/pdf.
import type { Browser, Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { launchChromium as launchDebianChromium } from "../../src/pdf/chromium-launch.js";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  return launchDebianChromium(CHROMIUM_PATH);
}

export interface AxeViolationSummary {
  readonly id: string;
  readonly impact: string | null | undefined;
  readonly targets: readonly string[];
}

/** Runs axe-core (WCAG 2.1 A/AA rules) on the page and returns its violations, empty when clean. */
export async function axeViolations(page: Page): Promise<readonly AxeViolationSummary[]> {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    targets: v.nodes.map((n) => n.target.join(" ")),
  }));
}
