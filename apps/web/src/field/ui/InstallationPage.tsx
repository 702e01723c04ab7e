import { useState } from 'react';
import type { Forecast, InstallationForecastKey } from '../../api/site-types';
import { fromApiActivity } from '../data/activities';
import { db } from '../data/db';
import { useLive } from '../data/live';
import { useFormat, useT } from '../i18n';
import { draftOf, startWorkOrder } from '../sync/queue';
import { activitySummary, installationName, workOrderTitle } from './describe';
import { IconPlus } from './icons';
import { Badge, Button, Loading, Notice, PageTitle, Section } from './kit';
import { Photos } from './Photos';
import { Link, navigate, paths } from './router';
import { LocationCard } from './LocationCard';

/** The installation's obligations, in the order they are shown (a local list: no shared chunk). */
const FORECAST_KEYS: readonly InstallationForecastKey[] = [
  'leakCheck',
  'leakRepair',
  'leakRetest',
  'heatingMaintenance',
  'heatingAudit',
];

/** Installation fields the forecast may be missing, with their labels. */
const FIELD_NAMES = {
  kind: true,
  refrigerant: true,
  chargeKg: true,
  hermeticallySealed: true,
  leakDetectionSystem: true,
  coolingCapacityKw: true,
  comfortCooling: true,
  commissionedOn: true,
  heatingFuel: true,
  heatingCapacityKw: true,
  customIntervalMonths: true,
} as const;

function useInstallation(id: string) {
  return useLive(async () => {
    const installation = await db.installations.get(id);
    if (!installation) return { installation: null };
    const [location, customer, logbook, records, cylinders] = await Promise.all([
      db.locations.get(installation.locationId),
      db.customers.get(installation.customerId),
      db.logbooks.get(id),
      db.workOrders.toArray(),
      db.cylinders.toArray(),
    ]);
    const open = records.filter((r) => {
      const d = draftOf(r);
      return d && d.status === 'to_be_executed' && d.installationIds.includes(id);
    });
    return {
      installation,
      location: location ?? null,
      customer: customer ?? null,
      logbook: logbook ?? null,
      open,
      cylinders: new Map(cylinders.map((c) => [c.id, c])),
    };
  }, `installation:${id}`);
}

function ForecastLine({ name, forecast }: { name: InstallationForecastKey; forecast: Forecast }) {
  const t = useT();
  const format = useFormat();
  if (!forecast) return null;
  return (
    <li className="forecast">
      <span className="row-title">{t(`installation.forecast.${name}`)}</span>
      {forecast.status === 'unknown' ? (
        <>
          <span className="row-line">
            <Badge tone="warning">{t('installation.unknown')}</Badge>
          </span>
          {forecast.missing.length > 0 && (
            <span className="row-line muted">
              {t('installation.missing', {
                fields: forecast.missing
                  .map((field) =>
                    field in FIELD_NAMES
                      ? t(`installation.fields.${field as keyof typeof FIELD_NAMES}`)
                      : field,
                  )
                  .join(', '),
              })}
            </span>
          )}
        </>
      ) : (
        <>
          <span className="row-line">
            <Badge tone={forecast.status === 'overdue' ? 'danger' : 'info'}>
              {t(forecast.status === 'overdue' ? 'installation.overdue' : 'installation.dueOn', {
                date: format.date(forecast.dueOn),
              })}
            </Badge>
          </span>
          {forecast.explanation && <span className="row-line muted">{forecast.explanation}</span>}
        </>
      )}
    </li>
  );
}

export function InstallationPage({ id }: { id: string }) {
  const t = useT();
  const format = useFormat();
  const data = useInstallation(id);
  const [starting, setStarting] = useState(false);
  if (!data) return <Loading />;
  if (!data.installation) {
    return (
      <>
        <PageTitle>{t('installation.title')}</PageTitle>
        <Notice tone="warning">{t('installation.notOffline')}</Notice>
        <Link to={paths.find()}>{t('find.title')}</Link>
      </>
    );
  }
  const { installation, location, customer, logbook, open, cylinders } = data;
  const name = installationName(installation, t);
  const forecasts = FORECAST_KEYS.filter((key) => installation.forecast[key] !== null);

  const start = async () => {
    setStarting(true);
    const workOrderId = await startWorkOrder(installation);
    navigate(paths.workOrder(workOrderId));
  };

  const details: [string, string][] = [
    [t('installation.brandModel'), [installation.brand, installation.model].filter(Boolean).join(' ')],
    [t('installation.serial'), installation.serialNumber],
    [t('installation.refrigerant'), installation.refrigerant ?? ''],
    [t('installation.charge'), installation.chargeKg !== null ? format.kg(installation.chargeKg) : ''],
    [
      t('installation.co2e'),
      installation.co2eTonnes !== null ? `${format.number(installation.co2eTonnes, 2)} t CO₂e` : '',
    ],
    [t('installation.commissionedOn'), format.date(installation.commissionedOn)],
    [t('installation.token'), installation.token],
  ];

  return (
    <>
      <PageTitle
        sub={[
          installation.kind ? t(`installation.kinds.${installation.kind}`) : '',
          installation.customerName,
        ]
          .filter(Boolean)
          .join(' · ')}
      >
        {name}
      </PageTitle>

      <Section title={t('installation.work')}>
        {open.length > 0 && (
          <ul className="list plain">
            {open.map((record) => (
              <li key={record.id}>
                <Link to={paths.workOrder(record.id)} className="row-title">
                  {t('installation.openWorkOrder', { title: workOrderTitle(record, t) })}
                </Link>
              </li>
            ))}
          </ul>
        )}
        <Button
          variant={open.length ? 'secondary' : 'primary'}
          block
          busy={starting}
          onClick={() => void start()}
        >
          <IconPlus size={18} />
          {t('installation.startWorkOrder')}
        </Button>
        <Photos installationId={installation.id} installationLabel={name} workOrderId={null} />
      </Section>

      <Section title={t('installation.details')}>
        <dl className="details">
          {details
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
        {installation.leakLoss && (
          <p className={installation.leakLoss.exceeded ? 'field-error' : 'muted'}>
            {t('installation.leakLoss', {
              percent: `${format.number(installation.leakLoss.percent, 1)} %`,
              date: format.date(installation.leakLoss.sinceDate),
            })}
            {installation.leakLoss.limitPercent !== null &&
              ` ${t(
                installation.leakLoss.exceeded ? 'installation.leakLossAbove' : 'installation.leakLossLimit',
                {
                  limit: `${format.number(installation.leakLoss.limitPercent, 1)} %`,
                },
              )}`}
          </p>
        )}
      </Section>

      <Section title={t('installation.forecasts')}>
        {forecasts.length === 0 ? (
          <p className="muted">{t('installation.noForecasts')}</p>
        ) : (
          <ul className="list plain">
            {forecasts.map((key) => (
              <ForecastLine key={key} name={key} forecast={installation.forecast[key]} />
            ))}
          </ul>
        )}
      </Section>

      {location && <LocationCard location={location} customer={customer} />}

      <Section title={t('installation.logbook')}>
        {!logbook ? (
          <p className="muted">{t('installation.logbookOffline')}</p>
        ) : logbook.items.length === 0 ? (
          <p className="muted">{t('installation.noLogbook')}</p>
        ) : (
          <ol className="list plain logbook">
            {logbook.items.map((w) => (
              <li key={w.id}>
                <span className="row-title">
                  {format.date(w.executedOn ?? w.plannedOn)} · {t('workOrder.title', { number: w.number })}{' '}
                  <Badge
                    tone={w.status === 'executed' ? 'success' : w.status === 'cancelled' ? 'neutral' : 'info'}
                  >
                    {t(`woStatus.${w.status}`)}
                  </Badge>
                </span>
                {w.executorName && <span className="row-line muted">{w.executorName}</span>}
                <ul className="logbook-activities">
                  {w.activities
                    .filter((a) => a.installationId === installation.id)
                    .map((a) => {
                      const summary = activitySummary(fromApiActivity(a), t, format, cylinders);
                      return (
                        <li key={a.id}>
                          {summary
                            ? t('installation.logbookLine', { type: t(`activity.types.${a.type}`), summary })
                            : t(`activity.types.${a.type}`)}
                        </li>
                      );
                    })}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </Section>
    </>
  );
}
