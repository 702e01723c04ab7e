import { assertIsoDate } from '../dates.js';
import { co2eTonnes } from '../refrigerants/co2e.js';
import { buildContext, type Context } from './context.js';
import { evaluateLeakRepair, evaluateLeakRetest } from './leak-follow-up.js';
import { evaluateLeakLoss } from './leak-loss.js';
import { evaluatePeriodic } from './periodic.js';
import type {
  Activity,
  EvaluationOptions,
  InstallationEvaluation,
  InstallationForecast,
  InstallationInput,
} from './types.js';

const NO_FORECAST: InstallationForecast = {
  leakCheck: null,
  heatingMaintenance: null,
  heatingAudit: null,
  leakRepair: null,
  leakRetest: null,
};

function disabled(context: Context): InstallationEvaluation['forecastDisabled'] {
  const { installation, history } = context;
  if (installation.archived === true) return { reason: 'archived', note: null };
  if (installation.forecastMode === 'none') {
    return { reason: 'forecast_mode_none', note: installation.forecastModeReason ?? null };
  }
  // A decommissioning not followed by a new commissioning ends every duty of the installation.
  const lastLifecycle = [...history]
    .reverse()
    .find((a) => a.type === 'decommissioning' || a.type === 'commissioning');
  if (lastLifecycle?.type === 'decommissioning')
    return { reason: 'decommissioned', note: lastLifecycle.date };
  return null;
}

/**
 * Everything the law asks of one installation as of `options.today`: the CO2 equivalent, the relative
 * leak loss and the forecast of each obligation (PRODUCT.md §11).
 */
export function evaluateInstallation(
  installation: InstallationInput,
  activities: readonly Activity[] | null | undefined,
  options: EvaluationOptions,
): InstallationEvaluation {
  const today = assertIsoDate(options.today, 'today');
  const context = buildContext(installation, activities, today, options.lang ?? 'en');
  const charge = installation.chargeKg;
  const co2e =
    context.refrigerant && typeof charge === 'number' && Number.isFinite(charge) && charge >= 0
      ? co2eTonnes(context.refrigerant, charge, today)
      : null;
  const off = disabled(context);
  const isCooling = context.kind !== 'heating';
  const isHeating = context.kind === 'heating' || context.kind === 'heat_pump' || context.kind === null;

  return {
    region: context.region,
    regionAssumed: context.regionAssumed,
    co2eTonnes: co2e,
    leakLoss: evaluateLeakLoss(context),
    forecast: off
      ? NO_FORECAST
      : {
          leakCheck: isCooling ? evaluatePeriodic(context, 'leak_check') : null,
          heatingMaintenance: isHeating ? evaluatePeriodic(context, 'heating_maintenance') : null,
          heatingAudit: isHeating ? evaluatePeriodic(context, 'heating_audit') : null,
          leakRepair: isCooling ? evaluateLeakRepair(context) : null,
          leakRetest: isCooling ? evaluateLeakRetest(context) : null,
        },
    forecastMode: installation.forecastMode ?? 'automatic',
    forecastDisabled: off,
  };
}

/** The relative leak loss alone (the logbook shows it after every top-up). */
export function leakLossOf(
  installation: InstallationInput,
  activities: readonly Activity[] | null | undefined,
  options: EvaluationOptions,
): InstallationEvaluation['leakLoss'] {
  const today = assertIsoDate(options.today, 'today');
  return evaluateLeakLoss(buildContext(installation, activities, today, options.lang ?? 'en'));
}
