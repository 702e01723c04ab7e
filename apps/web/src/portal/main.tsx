import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/** Entry point of the customer portal (/portal). */
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main>Climalog</main>
  </StrictMode>,
);
