import './field.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { currentUser, loadSession } from './api/auth';
import { isFieldLanguage, storedLanguage } from './i18n';
import { I18nProvider } from './i18n';
import { registerServiceWorker } from './pwa/register';
import { startAutoSync } from './sync/engine';
import { App } from './ui/App';

/**
 * Entry point of the field app (/field/): an installable PWA for technicians that works without a
 * network. Its data lives in IndexedDB; changes wait in a queue until the server can be reached.
 */
async function start() {
  // The service worker controls /field/…, and a page belongs to the scope of the address it was
  // loaded from: /field (without the slash) reloads inside it, once.
  if (location.pathname === '/field') {
    location.replace(`/field/${location.search}${location.hash}`);
    return;
  }
  const root = createRoot(document.getElementById('root')!);
  try {
    await loadSession();
  } catch (error) {
    console.error(error);
    root.render(
      <main className="fatal">
        <h1>Climalog</h1>
        <p>
          Deze browser bewaart geen gegevens (IndexedDB): de veld-app kan niet werken. / This browser does not
          store data (IndexedDB), which the field app needs.
        </p>
      </main>,
    );
    return;
  }
  const userLanguage = currentUser()?.language;
  const language = storedLanguage() ?? (isFieldLanguage(userLanguage) ? userLanguage : 'nl');
  document.documentElement.lang = language;
  root.render(
    <StrictMode>
      <I18nProvider initial={language}>
        <App />
      </I18nProvider>
    </StrictMode>,
  );
  startAutoSync();
  registerServiceWorker();
}

void start();
