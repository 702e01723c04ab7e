import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The first focusable element: jumps past the header and navigation to the page content. */
export function SkipLink({ target = 'main' }: { target?: string }) {
  const { t } = useTranslation();
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById(target);
    if (!main) return;
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  };
  return (
    <a className="skip-link" href={`#${target}`} onClick={skip}>
      {t('common.skipToContent')}
    </a>
  );
}
