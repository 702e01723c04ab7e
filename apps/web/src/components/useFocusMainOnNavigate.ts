import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';

let initialLoad = true;

/**
 * After an in-app navigation the clicked element is often gone and keyboard focus would be lost:
 * move it to the page content (announced by screen readers). A fresh page load keeps the browser's
 * own start, so the first Tab still reaches "Skip to content".
 */
export function useFocusMainOnNavigate(id = 'main'): void {
  const { pathname } = useLocation();
  useEffect(() => {
    if (initialLoad) {
      initialLoad = false;
      return;
    }
    document.getElementById(id)?.focus({ preventScroll: true });
  }, [pathname, id]);
}
