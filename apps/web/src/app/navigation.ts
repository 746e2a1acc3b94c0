/**
 * Main navigation. Only sections that exist are listed; Paspoorten, Monitoring and Prestatieafspraken
 * are added here when their pages land.
 */
export interface NavigationItem {
  to: string;
  labelKey: string;
}

export const navigationItems: readonly NavigationItem[] = [
  { to: '/projecten', labelKey: 'nav.projects' },
  { to: '/kansenkaart', labelKey: 'nav.kansenkaart' },
  { to: '/monitoring', labelKey: 'monitoring.nav' },
  { to: '/prestatieafspraken', labelKey: 'agreements.nav' },
  { to: '/organisaties', labelKey: 'nav.organisations' },
];
