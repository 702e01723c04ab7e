import { useEffect, useRef, useState } from 'react';
import type { Installation, Location } from '../../api/site-types';
import type { WorkOrderStatus } from '../../api/work-types';
import { db, getKv } from '../data/db';
import { useLive } from '../data/live';
import type { ActivityInput, SignatureInput, WorkOrderDraft } from '../data/model';
import { useFormat, useT } from '../i18n';
import type { FieldSettings } from '../sync/pull';
import { discardDraft, draftOf, editDraft, queueWorkOrder } from '../sync/queue';
import { ActivityEditor } from './ActivityEditor';
import { activitySummary, installationName, workOrderTitle } from './describe';
import { IconEdit, IconPlus, IconTrash } from './icons';
import { Badge, Button, Loading, Notice, PageTitle, Section, useConfirm } from './kit';
import { CustomerContacts, LocationCard } from './LocationCard';
import { Photos } from './Photos';
import { describeFieldProblems, problemHeadline, sentActivities } from './problems';
import { Link, navigate, paths } from './router';
import { FinishSection, NotesSection } from './WorkOrderSections';
import { SignaturePad } from './SignaturePad';
import { workOrderSyncState } from './sync-state';

function useWorkOrder(id: string) {
  return useLive(async () => {
    const record = await db.workOrders.get(id);
    if (!record) return { record: null, moved: (await getKv<string>(`moved:${id}`)) ?? null };
    const draft = draftOf(record);
    const installations = (await db.installations.bulkGet(draft?.installationIds ?? [])).filter(
      (i): i is Installation => Boolean(i),
    );
    const locationIds = [...new Set(installations.map((i) => i.locationId))];
    const [locations, customer, cylinders, items, settings, refrigerants] = await Promise.all([
      db.locations.bulkGet(locationIds),
      db.customers.get(record.customerId),
      db.cylinders.toArray(),
      db.queue.where('workOrderId').equals(id).sortBy('seq'),
      getKv<FieldSettings>('settings'),
      getKv<string[]>('refrigerants'),
    ]);
    return {
      record,
      moved: null,
      draft,
      installations,
      locations: locations.filter((l): l is Location => Boolean(l)),
      customer: customer ?? null,
      cylinders,
      items,
      settings: settings ?? null,
      refrigerants: refrigerants ?? [],
    };
  }, `work-order:${id}`);
}

type Editing = { index: number | null } | null;

export function WorkOrderPage({ id }: { id: string }) {
  const t = useT();
  const format = useFormat();
  const data = useWorkOrder(id);
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'danger' | 'warning'; text: string } | null>(
    null,
  );
  const [dialog, confirm] = useConfirm();
  const editorRef = useRef<HTMLDivElement>(null);

  // A work order started here got its real id when it was sent: follow it.
  useEffect(() => {
    if (data && !data.record && data.moved) navigate(paths.workOrder(data.moved), { replace: true });
  }, [data]);
  useEffect(() => {
    if (editing) editorRef.current?.querySelector<HTMLElement>('.editor-title')?.focus();
  }, [editing]);

  if (!data) return <Loading />;
  if (!data.record || !data.draft) {
    return (
      <>
        <PageTitle>{t('workOrder.notFoundTitle')}</PageTitle>
        <Notice tone="warning">{t('workOrder.notFound')}</Notice>
        <Link to={paths.work()}>{t('common.toWork')}</Link>
      </>
    );
  }
  const { record, draft, installations, locations, customer, cylinders, items, settings } = data;
  const canEdit = !record.server || record.server.abilities.update;
  const cylinderMap = new Map(cylinders.map((c) => [c.id, c]));
  const syncState = workOrderSyncState(record, items);
  const open = items.filter((i) => i.state !== 'sent' && i.kind !== 'photo.upload');
  const refused = open.find((i) => i.state === 'failed');
  const conflict = open.find((i) => i.state === 'conflict');
  const refusal = refused?.problem
    ? describeFieldProblems(refused.problem.errors ?? [], t, sentActivities(refused))
    : [];
  const activityErrors = new Map<number, string[]>();
  for (const p of refusal)
    if (p.activity !== null)
      activityErrors.set(p.activity, [...(activityErrors.get(p.activity) ?? []), p.message]);

  const change = (fn: (d: WorkOrderDraft) => WorkOrderDraft) => {
    setMessage(null);
    return editDraft(id, fn);
  };

  const saveActivity = async (activity: ActivityInput) => {
    const index = editing?.index ?? null;
    await change((d) => ({
      ...d,
      activities:
        index === null
          ? [...d.activities, activity]
          : d.activities.map((a, i) => (i === index ? activity : a)),
    }));
    setEditing(null);
  };

  const removeActivity = async (index: number) => {
    const activity = draft.activities[index];
    if (!activity) return;
    if (
      !(await confirm(
        t('workOrder.removeActivityConfirm', { type: t(`activity.types.${activity.type}`) }),
        t('common.remove'),
      ))
    )
      return;
    await change((d) => ({ ...d, activities: d.activities.filter((_, i) => i !== index) }));
  };

  const saveSignature = (signature: SignatureInput | null) =>
    change((d) => ({
      ...d,
      signatures: [...d.signatures.filter((s) => s.role !== 'customer'), ...(signature ? [signature] : [])],
    }));

  const markExecuted = async (executedOn: string) => {
    if (draft.activities.length === 0) {
      setMessage({ tone: 'danger', text: t('workOrder.needsActivity') });
      return;
    }
    if (draft.activities.some((a) => a.type === 'leak_check' && !a.result)) {
      setMessage({ tone: 'danger', text: t('workOrder.needsResult') });
      return;
    }
    await editDraft(id, (d) => ({ ...d, status: 'executed', executedOn }));
    await queueWorkOrder(id);
    setMessage({ tone: 'success', text: t('workOrder.executedQueued') });
  };

  const discard = async () => {
    const local = !record.server;
    if (
      !(await confirm(
        t(local ? 'workOrder.discardLocalConfirm' : 'workOrder.discardConfirm'),
        t('workOrder.discard'),
      ))
    )
      return;
    await discardDraft(id);
    if (local) navigate(paths.work(), { replace: true });
  };

  const sendChanges = async () => {
    await queueWorkOrder(id);
    setMessage({ tone: 'success', text: t('workOrder.changesQueued') });
  };

  if (editing) {
    return (
      <div ref={editorRef}>
        <PageTitle sub={record.customerName}>{workOrderTitle(record, t)}</PageTitle>
        <ActivityEditor
          initial={editing.index === null ? null : (draft.activities[editing.index] ?? null)}
          installations={installations}
          cylinders={cylinders}
          refrigerants={data.refrigerants}
          onSave={(a) => void saveActivity(a)}
          onCancel={() => setEditing(null)}
        />
      </div>
    );
  }

  const customerSignature = draft.signatures.find((s) => s.role === 'customer');
  const status: WorkOrderStatus = draft.status;
  return (
    <>
      {dialog}
      <PageTitle
        sub={
          <>
            {record.customerName}
            {draft.plannedOn && status !== 'executed' && (
              <> · {t('workOrder.plannedOn', { date: format.date(draft.plannedOn) })}</>
            )}
            {draft.executedOn && status === 'executed' && (
              <> · {t('workOrder.executedOn', { date: format.date(draft.executedOn) })}</>
            )}
          </>
        }
      >
        {workOrderTitle(record, t)}
      </PageTitle>
      <div className="row-badges">
        <Badge tone={status === 'executed' ? 'success' : status === 'cancelled' ? 'neutral' : 'info'}>
          {t(`woStatus.${status}`)}
        </Badge>
        {syncState && <Badge tone={syncState.tone}>{t(syncState.key)}</Badge>}
      </div>

      {message && (
        <Notice tone={message.tone} live={message.tone === 'danger' ? 'assertive' : 'polite'}>
          {message.text}
        </Notice>
      )}
      {conflict && (
        <Notice tone="danger">
          <p>{t('workOrder.conflictNotice')}</p>
          <Link to={paths.queue()}>{t('workOrder.openQueue')}</Link>
        </Notice>
      )}
      {refused && refused.problem && (
        <Notice tone="danger">
          <p>{t('workOrder.refused', { detail: problemHeadline(refused.problem, t) })}</p>
          {refusal
            .filter((p) => p.activity === null)
            .map((p) => (
              <p key={p.field}>{t('problems.line', { label: p.label, message: p.message })}</p>
            ))}
          <p>{t('workOrder.refusedHint')}</p>
          <p className="problem-server">
            {t('problems.server', {
              message: [refused.problem.detail, ...refusal.map((p) => p.server)].join(' '),
            })}
          </p>
        </Notice>
      )}
      {!canEdit && <Notice tone="info">{t('workOrder.readOnly')}</Notice>}

      {locations.map((location) => (
        <LocationCard key={location.id} location={location} customer={customer} />
      ))}
      {locations.length === 0 && customer && <CustomerContacts customer={customer} />}

      <Section title={t('workOrder.installations')}>
        <ul className="list plain">
          {draft.installationIds.map((installationId) => {
            const installation = installations.find((i) => i.id === installationId);
            const label = installationName(installation, t);
            return (
              <li key={installationId} className="installation-row">
                {installation ? (
                  <Link to={paths.installation(installationId)} className="row-title">
                    {label}
                  </Link>
                ) : (
                  <span className="row-title">{label}</span>
                )}
                {installation && (
                  <span className="row-line muted">
                    {[
                      installation.brand,
                      installation.model,
                      installation.refrigerant,
                      installation.chargeKg !== null ? format.kg(installation.chargeKg) : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                )}
                {canEdit && (
                  <Photos installationId={installationId} installationLabel={label} workOrderId={record.id} />
                )}
              </li>
            );
          })}
        </ul>
      </Section>

      <Section
        title={t('workOrder.activities')}
        actions={
          canEdit && installations.length > 0 ? (
            <Button variant="secondary" onClick={() => setEditing({ index: null })}>
              <IconPlus size={18} />
              {t('workOrder.addActivity')}
            </Button>
          ) : undefined
        }
      >
        {draft.activities.length === 0 ? (
          <p className="muted">{t('workOrder.noActivities')}</p>
        ) : (
          <ul className="list plain">
            {draft.activities.map((activity, index) => {
              const installation = installations.find((i) => i.id === activity.installationId);
              const typeLabel = t(`activity.types.${activity.type}`);
              return (
                <li key={index} className="activity">
                  <div className="activity-text">
                    <span className="row-title">{typeLabel}</span>
                    {installations.length > 1 && (
                      <span className="row-line muted">{installationName(installation, t)}</span>
                    )}
                    <span className="row-line">{activitySummary(activity, t, format, cylinderMap)}</span>
                    {activity.type === 'leak_check' && !activity.result && (
                      <span className="row-line warning-text">{t('workOrder.resultMissing')}</span>
                    )}
                    {activityErrors.get(index)?.map((problem) => (
                      <span key={problem} className="field-error">
                        {problem}
                      </span>
                    ))}
                  </div>
                  {canEdit && (
                    <div className="activity-actions">
                      <Button
                        variant="ghost"
                        className="icon-button"
                        aria-label={t('workOrder.editActivity', { type: typeLabel, n: index + 1 })}
                        onClick={() => setEditing({ index })}
                      >
                        <IconEdit />
                      </Button>
                      <Button
                        variant="ghost"
                        className="icon-button"
                        aria-label={t('workOrder.removeActivity', { type: typeLabel, n: index + 1 })}
                        onClick={() => void removeActivity(index)}
                      >
                        <IconTrash />
                      </Button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </Section>

      <NotesSection
        key={`notes-${record.id}`}
        notes={draft.notes}
        disabled={!canEdit}
        templates={settings?.noteTemplates ?? []}
        onSave={(notes) => change((d) => ({ ...d, notes }))}
      />

      <Section title={t('workOrder.signature')}>
        <SignaturePad
          signature={customerSignature}
          defaultName={data.locations[0]?.contacts[0]?.name ?? ''}
          disabled={!canEdit}
          onSave={(s) => void saveSignature(s)}
        />
      </Section>

      {canEdit && status !== 'cancelled' && (
        <FinishSection
          draft={draft}
          hasOpenItems={open.length > 0}
          missingSignature={!customerSignature}
          onExecute={(date) => void markExecuted(date)}
          onSend={() => void sendChanges()}
          onDiscard={() => void discard()}
        />
      )}
    </>
  );
}
