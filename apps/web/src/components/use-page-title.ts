import { useEffect } from 'react';

/** Every page names itself: screen readers announce the title, and tabs and history become readable. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · MegicAI` : 'MegicAI';
  }, [title]);
}
