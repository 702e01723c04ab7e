import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/** Entry point of the field app (/field). */
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main>Climalog</main>
  </StrictMode>,
);
