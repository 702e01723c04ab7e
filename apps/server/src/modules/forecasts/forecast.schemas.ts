import { z } from 'zod';

/** One obligation of the forecast, as PRODUCT.md §11 specifies it. */
export const forecastView = z
  .union([
    z.null(),
    z.object({
      status: z.literal('unknown'),
      missing: z.array(z.string()).describe('Fields to fill in before a date can be given'),
    }),
    z.object({
      status: z.enum(['planned', 'overdue']),
      dueOn: z.string(),
      intervalMonths: z.number().int(),
      intervalDays: z.number().int().nullable().describe('Set for deadlines counted in days (leak repair)'),
      rule: z.string().describe('Rule id in the compliance engine'),
      source: z.string().describe('Legal source, e.g. "Regulation (EU) 2024/573, Art. 5"'),
      sourceUrl: z.string().nullable(),
      baseDate: z.string(),
      baseKind: z
        .string()
        .describe('last_check, commissioning, forecast_start, created, leak_found or leak_repair'),
      explanation: z.string().describe('One sentence in the caller’s language'),
      mode: z.enum(['automatic', 'custom']),
      legalIntervalMonths: z.number().int(),
      earliestOn: z.string().nullable(),
      toleranceUntil: z.string().nullable(),
      toConfirm: z.boolean().describe('The deciding rule is not yet confirmed against the legal text'),
    }),
  ])
  .meta({ id: 'Forecast' });

export const installationForecastView = z
  .object({
    leakCheck: forecastView,
    heatingMaintenance: forecastView,
    heatingAudit: forecastView,
    leakRepair: forecastView.describe('Only after a leak was found'),
    leakRetest: forecastView.describe('The verification check after a repair'),
  })
  .meta({ id: 'InstallationForecast' });

export const leakLossView = z
  .object({
    percent: z.number(),
    sinceDate: z.string(),
    limitPercent: z.number().nullable(),
    exceeded: z.boolean(),
  })
  .nullable()
  .meta({ id: 'LeakLoss' });

export type ForecastView = z.infer<typeof forecastView>;
export type InstallationForecastView = z.infer<typeof installationForecastView>;
export type LeakLossView = z.infer<typeof leakLossView>;
