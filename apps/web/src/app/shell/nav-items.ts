import { Role } from '@megicai/contracts';

export interface NavItem {
  label: string;
  to: string;
  /** Shown only to users with this role; the route is guarded separately in app/router.tsx. */
  role?: Role;
}

/** The main navigation, in the header on wide screens and in the burger drawer on small ones. Add pages here. */
export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Tools', to: '/tools' },
  { label: 'Chat', to: '/chat' },
  { label: 'My jobs', to: '/jobs' },
  { label: 'Marketplace', to: '/marketplace' },
  { label: 'Credits', to: '/credits' },
  { label: 'Leaderboard', to: '/leaderboard' },
  { label: 'Premium', to: '/premium' },
  { label: 'Admin', to: '/admin', role: Role.Admin },
  { label: 'Ad tiers', to: '/admin/ads', role: Role.Admin },
];

export function visibleNavItems(role: Role | undefined): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.role || item.role === role);
}
