import { useEffect } from 'react';

/** Every page names itself in the browser tab and for screen readers announcing navigation. */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Kringbouw` : 'Kringbouw';
  }, [title]);
}
