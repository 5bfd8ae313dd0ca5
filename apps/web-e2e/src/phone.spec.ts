import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import {
  API_V1,
  loginViaApi,
  registerViaApi,
  seriousViolations,
  signInWithTokens,
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
} from './support';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

/** Every path of the SPA's router, read from its source, so that a new route cannot escape this walk. */
function routerPaths(): string[] {
  const source = readFileSync(resolve(__dirname, '../../web/src/app/router.tsx'), 'utf8');
  return [...source.matchAll(/path: '([^']+)'/g)].map((m) => m[1]);
}

interface Fixture {
  jobId: string;
  templateId: string;
  toolId: string;
  prompt: string;
}

/** A real job and a real published template, so that dynamic routes open real records. */
async function fixture(request: APIRequestContext, accessToken: string): Promise<Fixture> {
  const headers = { Authorization: `Bearer ${accessToken}` };
  const prompt = `Phone check ${Math.random().toString(36).slice(2, 8)}: a very long prompt that must wrap on a small screen without pushing the page sideways`;
  const run = await request.post(`${API_V1}/tools/chat/run`, { headers, data: { input: { prompt } } });
  expect(run.status(), await run.text()).toBe(200);
  const tool = await (await request.get(`${API_V1}/tools/chat`)).json();
  const created = await request.post(`${API_V1}/marketplace/prompts`, {
    headers,
    data: {
      title: 'Phone template',
      description: 'Readable on a phone',
      toolId: tool.id,
      template: 'Explain {{topic}} in a {{tone:formal|casual}} tone.',
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const templateId = (await created.json()).id as string;
  const published = await request.post(`${API_V1}/marketplace/prompts/${templateId}/publish`, { headers });
  expect(published.status()).toBe(200);
  return { jobId: (await run.json()).jobId as string, templateId, toolId: tool.id as string, prompt };
}

function concretePath(path: string, f: Fixture): string {
  const url = `/${path}`
    .replace('/marketplace/mine/:id/edit', `/marketplace/mine/${f.templateId}/edit`)
    .replace('/marketplace/:id', `/marketplace/${f.templateId}`)
    .replace('/tools/:id', '/tools/chat')
    .replace('/jobs/:id', `/jobs/${f.jobId}`)
    .replace('/premium/checkout/:sessionId', '/premium/checkout/cs_phone_check');
  return url === '/*' ? '/no-such-page' : url;
}

/** Elements sticking out of the viewport that no box of theirs scrolls, and whether the page scrolls sideways. */
async function overflow(page: Page): Promise<{ pageOverflows: boolean; offenders: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const scrolls = (el: Element | null): boolean => {
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        const x = getComputedStyle(e).overflowX;
        if (x === 'auto' || x === 'scroll' || x === 'hidden' || x === 'clip') return true;
      }
      return false;
    };
    const offenders = Array.from(document.body.querySelectorAll('*'))
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.right > width + 1 && !scrolls(el.parentElement);
      })
      .slice(0, 10)
      .map((el) => {
        const box = el.getBoundingClientRect();
        const id = el.id ? `#${el.id}` : '';
        const cls = typeof el.className === 'string' ? `.${el.className.split(' ').slice(0, 2).join('.')}` : '';
        return `${el.tagName.toLowerCase()}${id}${cls} right=${Math.round(box.right)} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
      });
    return { pageOverflows: document.documentElement.scrollWidth > width, offenders };
  });
}

async function settle(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('main h1, main [role="alert"]').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
}

test.describe('phone: every route at 390×844', () => {
  test.use({ viewport: PHONE });

  test('no route overflows sideways, as a user and as an admin', async ({ page, request }) => {
    test.setTimeout(180_000);
    // The records belong to a new user (who has the sign-up credits to run); the admin can open them all.
    const owner = await registerViaApi(request);
    const f = await fixture(request, owner.auth.accessToken);
    const paths = routerPaths();
    expect(paths.length).toBeGreaterThan(15);
    const failures: string[] = [];

    // Anonymous visitors first (public pages and the guards' login redirects), then the admin who sees everything.
    for (const who of ['anonymous', 'admin'] as const) {
      if (who === 'admin') {
        const tokens = await loginViaApi(request, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
        await signInWithTokens(page, tokens);
      }
      for (const path of paths) {
        const url = concretePath(path, f);
        await settle(page, url);
        const result = await overflow(page);
        if (result.pageOverflows || result.offenders.length) {
          failures.push(`${who} ${url}: ${result.offenders.join('; ') || 'page scrolls sideways'}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  test('the header keeps the balance and the menu reachable', async ({ page, request }) => {
    const user = await registerViaApi(request);
    await signInWithTokens(page, user.auth, '/credits');
    await expect(page.getByTestId('balance')).toBeVisible();
    await expect(page.getByTestId('user-menu')).toBeVisible();
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await expect(page.getByRole('link', { name: 'My jobs' }).last()).toBeVisible();
  });
});

for (const viewport of [DESKTOP, PHONE]) {
  const size = `${viewport.width}×${viewport.height}`;
  test.describe(`history and public marketplace at ${size}`, () => {
    test.use({ viewport });

    test('history shows the prompt and "Run again" refills it; the ledger links the spend to its job', async ({
      page,
      request,
    }) => {
      const user = await registerViaApi(request);
      const f = await fixture(request, user.auth.accessToken);
      await signInWithTokens(page, user.auth, '/jobs');
      const row = page.getByTestId('job-row').filter({ hasText: f.prompt.slice(0, 20) });
      await expect(row).toBeVisible();
      await expect(row.getByTestId('job-prompt')).toContainText('Phone check');
      await row.getByRole('link', { name: /Run job .* again/ }).click();
      await expect(page).toHaveURL(/\/tools\/.+\?rerun=/);
      await expect(page.getByRole('textbox', { name: 'Your question' })).toHaveValue(f.prompt);

      await page.goto('/credits');
      await page.getByTestId('ledger-job-link').first().click();
      await expect(page).toHaveURL(new RegExp(`/jobs/${f.jobId}$`));
      await expect(page.getByTestId('job-prompt')).toContainText('Phone check');
    });

    test('an anonymous visitor browses the marketplace and opens a template; running asks to sign in', async ({
      page,
      request,
    }) => {
      const creator = await registerViaApi(request);
      const f = await fixture(request, creator.auth.accessToken);
      await page.goto('/marketplace');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.goto(`/marketplace/${f.templateId}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Phone template' })).toBeVisible();
      await page.getByRole('link', { name: 'Sign in to run' }).click();
      await expect(page).toHaveURL(/\/login\?next=/);
    });

    for (const colorScheme of ['light', 'dark'] as const) {
      test(`new and changed pages have no serious or critical axe violations (${colorScheme})`, async ({
        page,
        request,
      }) => {
        test.setTimeout(90_000);
        const user = await registerViaApi(request);
        const f = await fixture(request, user.auth.accessToken);
        await page.emulateMedia({ colorScheme });
        await page.goto(`/marketplace/${f.templateId}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        const found = await seriousViolations(page, `anonymous template ${size} ${colorScheme}`);
        await signInWithTokens(page, user.auth, '/jobs');
        for (const path of ['/jobs', `/jobs/${f.jobId}`, `/tools/chat?rerun=${f.jobId}`, '/credits', '/tools']) {
          await settle(page, path);
          found.push(...(await seriousViolations(page, `${path} ${size} ${colorScheme}`)));
        }
        expect(found).toEqual([]);
      });
    }
  });
}
