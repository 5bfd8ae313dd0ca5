import { createBrowserRouter, type RouteObject } from 'react-router';
import { Role } from '@megicai/contracts';
import { AppLayout } from './shell/app-layout';
import { GuestOnly } from '../features/auth/guest-only';
import { LoginPage } from '../features/auth/login-page';
import { RegisterPage } from '../features/auth/register-page';
import { RequireAuth } from '../features/auth/require-auth';
import { HomePage } from '../routes/home-page';
import { NotFoundPage } from '../routes/not-found-page';
import { RouteErrorPage } from '../routes/route-error-page';

/**
 * Every route of the SPA. To add a page: create `src/routes/<name>-page.tsx` exporting `<Name>Page`, add it below
 * in the right group (public, signed in, admin), and, if it belongs in the navigation, to `app/shell/nav-items.ts`.
 * Pages behind a login are loaded lazily so that the first load (home, login, register) stays small.
 */
const lazyPage =
  <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  async () => ({ Component: (await load())[name] });

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          // Public
          { index: true, element: <HomePage /> },
          // Published templates are readable without an account; running one asks to sign in.
          { path: 'marketplace', lazy: lazyPage(() => import('../routes/marketplace-page'), 'MarketplacePage') },
          {
            path: 'marketplace/:id',
            lazy: lazyPage(() => import('../routes/prompt-template-page'), 'PromptTemplatePage'),
          },
          { path: 'developers', lazy: lazyPage(() => import('../routes/developers-page'), 'DevelopersPage') },
          {
            element: <GuestOnly />,
            children: [
              { path: 'login', element: <LoginPage /> },
              { path: 'register', element: <RegisterPage /> },
              {
                path: 'forgot-password',
                lazy: lazyPage(() => import('../routes/forgot-password-page'), 'ForgotPasswordPage'),
              },
            ],
          },
          // Mailed links: they work signed in or not.
          {
            path: 'reset-password',
            lazy: lazyPage(() => import('../routes/reset-password-page'), 'ResetPasswordPage'),
          },
          { path: 'verify-email', lazy: lazyPage(() => import('../routes/verify-email-page'), 'VerifyEmailPage') },
          // Signed in
          {
            element: <RequireAuth />,
            children: [
              { path: 'tools', lazy: lazyPage(() => import('../routes/tools-page'), 'ToolsPage') },
              { path: 'tools/:id', lazy: lazyPage(() => import('../routes/tool-page'), 'ToolPage') },
              { path: 'chat/:id?', lazy: lazyPage(() => import('../routes/chat-page'), 'ChatPage') },
              { path: 'jobs', lazy: lazyPage(() => import('../routes/jobs-page'), 'JobsPage') },
              { path: 'jobs/:id', lazy: lazyPage(() => import('../routes/job-page'), 'JobPage') },
              {
                path: 'marketplace/mine',
                lazy: lazyPage(() => import('../routes/my-templates-page'), 'MyTemplatesPage'),
              },
              {
                path: 'marketplace/mine/new',
                lazy: lazyPage(() => import('../routes/prompt-editor-page'), 'PromptEditorPage'),
              },
              {
                path: 'marketplace/mine/:id/edit',
                lazy: lazyPage(() => import('../routes/prompt-editor-page'), 'PromptEditorPage'),
              },
              { path: 'account', lazy: lazyPage(() => import('../routes/account-page'), 'AccountPage') },
              { path: 'credits', lazy: lazyPage(() => import('../routes/credits-page'), 'CreditsPage') },
              { path: 'leaderboard', lazy: lazyPage(() => import('../routes/leaderboard-page'), 'LeaderboardPage') },
              { path: 'premium', lazy: lazyPage(() => import('../routes/premium-page'), 'PremiumPage') },
              {
                path: 'premium/checkout/:sessionId',
                lazy: lazyPage(() => import('../routes/premium-checkout-page'), 'PremiumCheckoutPage'),
              },
              {
                path: 'premium/portal',
                lazy: lazyPage(() => import('../routes/premium-portal-page'), 'PremiumPortalPage'),
              },
            ],
          },
          // Admins only
          {
            element: <RequireAuth role={Role.Admin} />,
            children: [
              { path: 'admin', lazy: lazyPage(() => import('../routes/admin-page'), 'AdminPage') },
              { path: 'admin/ads', lazy: lazyPage(() => import('../routes/admin-ads-page'), 'AdminAdsPage') },
              {
                path: 'admin/creatives',
                lazy: lazyPage(() => import('../routes/admin-creatives-page'), 'AdminCreativesPage'),
              },
              { path: 'admin/plans', lazy: lazyPage(() => import('../routes/admin-plans-page'), 'AdminPlansPage') },
              {
                path: 'admin/credit-packs',
                lazy: lazyPage(() => import('../routes/admin-credit-packs-page'), 'AdminCreditPacksPage'),
              },
              { path: 'admin/tools', lazy: lazyPage(() => import('../routes/admin-tools-page'), 'AdminToolsPage') },
              { path: 'admin/queues', lazy: lazyPage(() => import('../routes/admin-queues-page'), 'AdminQueuesPage') },
              { path: 'admin/users', lazy: lazyPage(() => import('../routes/admin-users-page'), 'AdminUsersPage') },
              { path: 'admin/users/:id', lazy: lazyPage(() => import('../routes/admin-user-page'), 'AdminUserPage') },
              {
                path: 'admin/moderation',
                lazy: lazyPage(() => import('../routes/admin-moderation-page'), 'AdminModerationPage'),
              },
              {
                path: 'admin/providers',
                lazy: lazyPage(() => import('../routes/admin-providers-page'), 'AdminProvidersPage'),
              },
              { path: 'admin/audit-log', lazy: lazyPage(() => import('../routes/admin-audit-page'), 'AdminAuditPage') },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
