import { test as base, type Page } from '@playwright/test';
import { newUser, registerViaApi, signInWithTokens, type RegisteredUser } from './auth';

interface Fixtures {
  /** A user registered over HTTP for this test alone. */
  user: RegisteredUser;
  /** A page signed in as `user`, on the home page with the balance in the header. */
  userPage: Page;
}

/** `import { test, expect } from './support/fixtures'` in a spec that needs a signed-in user. */
export const test = base.extend<Fixtures>({
  user: async ({ request }, use) => {
    await use(await registerViaApi(request, newUser()));
  },
  userPage: async ({ page, user }, use) => {
    await signInWithTokens(page, user.auth);
    await use(page);
  },
});

export { expect } from '@playwright/test';
