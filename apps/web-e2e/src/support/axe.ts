import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
export type AxeViolation = AxeResults['violations'][number];

/** WCAG 2.1 A and AA, the bar we promise. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe on the page, prints every serious and critical violation with its nodes, and returns them as short
 * `rule-id (impact): selectors` lines, so that `expect(...).toEqual([])` fails with a readable diff.
 */
export async function seriousViolations(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of found) {
    console.log(`[axe] ${label}: ${v.impact} ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const node of v.nodes) console.log(`        ${node.target.join(' ')}: ${node.failureSummary ?? ''}`);
  }
  return found.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
