import type { TFunction } from 'i18next';
import {
  INSTALLATION_FORECAST_KEYS,
  type Forecast,
  type Installation,
  type InstallationForecastKey,
} from '../../api/site-types';

/** How people name an installation: its reference, else brand and model. */
export function installationTitle(t: TFunction, i: Pick<Installation, 'reference' | 'brand' | 'model'>) {
  return i.reference || [i.brand, i.model].filter(Boolean).join(' ') || t('installations.untitled');
}

type Next = { key: InstallationForecastKey; forecast: Exclude<Forecast, null> };

/** The obligation that needs attention first: overdue, else the earliest due, else unknown. */
export function nextForecast(i: Pick<Installation, 'forecast'>): Next | null {
  const all = INSTALLATION_FORECAST_KEYS.flatMap((key) => {
    const forecast = i.forecast[key];
    return forecast ? [{ key, forecast }] : [];
  });
  const rank = (n: Next) => (n.forecast.status === 'overdue' ? 0 : n.forecast.status === 'planned' ? 1 : 2);
  const due = (n: Next) => (n.forecast.status === 'unknown' ? '9999' : n.forecast.dueOn);
  return all.sort((a, b) => rank(a) - rank(b) || due(a).localeCompare(due(b)))[0] ?? null;
}
