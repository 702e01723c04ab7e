import { api, apiUrl } from '../../api/client';
import type { Page } from '../../api/types';
import type {
  ForecastItem,
  ForecastSummary,
  ForecastType,
  ForecastView,
  WorkOrder,
} from '../../api/work-types';

export const FORECASTS_KEY = ['forecasts'] as const;

export type ForecastFilters = {
  type: ForecastType | null;
  from: string | null;
  to: string | null;
  customerId: string | null;
};
export const emptyForecastFilters: ForecastFilters = { type: null, from: null, to: null, customerId: null };

export const listForecasts = (view: ForecastView, filters: ForecastFilters, cursor?: string) =>
  api.get<Page<ForecastItem>>('/forecasts', { view, ...filters, cursor, limit: 50 });
export const forecastsExportUrl = (view: ForecastView, filters: ForecastFilters) =>
  apiUrl('/forecasts', { view, ...filters, format: 'xlsx' });
export const getForecastSummary = (type: ForecastType | null) =>
  api.get<ForecastSummary>('/forecasts/summary', { type });

export type ScheduleInput = {
  installationId: string;
  type: ForecastType;
  plannedOn: string;
  executorId: string | null;
};
export const scheduleForecast = (input: ScheduleInput) => api.post<WorkOrder>('/forecasts/schedule', input);
