import { useEffect, useRef, useState } from 'react';
import type { Customer } from '../../api/types';
import type { Installation, Location } from '../../api/site-types';
import type { WorkOrderStatus } from '../../api/work-types';
import { currentUser } from '../api/auth';
import { db, getKv } from '../data/db';
import { todayIso } from '../data/ids';
import { useLive } from '../data/live';
import type { ActivityInput, SignatureInput, WorkOrderDraft } from '../data/model';
import { useFormat, useT } from '../i18n';
import type { FieldSettings } from '../sync/pull';
import { discardDraft, draftOf, editDraft, queueWorkOrder } from '../sync/queue';
import { ActivityEditor } from './ActivityEditor';
import { activitySummary, addressLine, installationName, mapsUrl, telHref, workOrderTitle } from './describe';
import { IconEdit, IconMail, IconMap, IconPhone, IconPlus, IconTrash } from './icons';
import {
  Badge,
  Button,
  ButtonLink,
  Loading,
  Notice,
  PageTitle,
  Section,
  SelectField,
  TextArea,
  useConfirm,
} from './kit';
import { Photos } from './Photos';
import { describeFieldProblems, problemHeadline, sentActivities } from './problems';
import { Link, navigate, paths } from './router';
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

function ContactLinks({ name, phone, email }: { name: string; phone: string | null; email: string | null }) {
  const t = useT();
  return (
    <>
      {phone && (
        <ButtonLink href={telHref(phone)} aria-label={t('workOrder.call', { name, phone })}>
          <IconPhone size={18} />
          <span className="btn-text">{phone}</span>
        </ButtonLink>
      )}
      {email && (
        <ButtonLink href={`mailto:${email}`} aria-label={t('workOrder.mail', { name, email })}>
          <IconMail size={18} />
          <span className="btn-text">{email}</span>
        </ButtonLink>
      )}
    </>
  );
}

function CustomerContacts({ customer }: { customer: Customer }) {
  const t = useT();
  if (!customer.phone && !customer.mobile && !customer.email) return null;
  return (
    <Section title={t('workOrder.customer')}>
      <p className="row-title">{customer.name}</p>
      <div className="contact-links">
        <ContactLinks name={customer.name} phone={customer.mobile ?? customer.phone} email={customer.email} />
        {customer.mobile && customer.phone && (
          <ContactLinks name={customer.name} phone={customer.phone} email={null} />
        )}
      </div>
    </Section>
  );
}

export function LocationCard({ location, customer }: { location: Location; customer: Customer | null }) {
  const t = useT();
  return (
    <Section title={t('workOrder.location')}>
      <address className="address">
        {location.name && <span className="row-title">{location.name}</span>}
        <span>{addressLine(location, t)}</span>
      </address>
      <div className="contact-links">
        <ButtonLink href={mapsUrl(location, t)} target="_blank" rel="noopener noreferrer">
          <IconMap size={18} />
          {t('workOrder.openMaps')}
        </ButtonLink>
      </div>
      {location.contacts.length > 0 && (
        <>
          <h3>{t('workOrder.contacts')}</h3>
          <ul className="list plain">
            {location.contacts.map((contact, index) => (
              <li key={contact.id ?? index} className="contact">
                <span className="row-title">
                  {contact.name}
                  {contact.role && <span className="muted"> · {contact.role}</span>}
                </span>
                <div className="contact-links">
                  <ContactLinks name={contact.name} phone={contact.phone} email={contact.email} />
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {customer && (customer.phone || customer.mobile || customer.email) && (
        <>
          <h3>{t('workOrder.customer')}</h3>
          <p className="row-title">{customer.name}</p>
          <div className="contact-links">
            <ContactLinks
              name={customer.name}
              phone={customer.mobile ?? customer.phone}
              email={customer.email}
            />
          </div>
        </>
      )}
    </Section>
  );
}

function NotesSection({
  notes,
  disabled,
  templates,
  onSave,
}: {
  notes: string;
  disabled: boolean;
  templates: FieldSettings['noteTemplates'];
  onSave: (notes: string) => Promise<void>;
}) {
  const t = useT();
  const [value, setValue] = useState(notes);
  const [template, setTemplate] = useState('');
  const timer = useRef<number | undefined>(undefined);
  const saved = useRef(notes);
  const latest = useRef({ value, notes, onSave });
  useEffect(() => {
    latest.current = { value, notes, onSave };
  });
  // Changed elsewhere (the office's version taken, another tab): show that.
  useEffect(() => {
    if (notes !== saved.current) {
      saved.current = notes;
      setValue(notes);
    }
  }, [notes]);
  const persist = (next: string) => {
    saved.current = next;
    return onSave(next);
  };
  // Saved on the device shortly after typing stops, and when leaving the screen.
  useEffect(
    () => () => {
      window.clearTimeout(timer.current);
      const { value: v, notes: n, onSave: save } = latest.current;
      if (v !== n) void save(v);
    },
    [],
  );
  const update = (next: string) => {
    setValue(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void persist(next), 600);
  };
  const insert = (templateId: string) => {
    const chosen = templates.find((tpl, index) => (tpl.id ?? String(index)) === templateId);
    if (!chosen) return;
    update(value.trim() ? `${value.trimEnd()}\n${chosen.body}` : chosen.body);
    setTemplate('');
  };
  return (
    <Section title={t('workOrder.notes')}>
      {templates.length > 0 && !disabled && (
        <SelectField
          label={t('workOrder.template')}
          value={template}
          onValue={insert}
          placeholder={t('workOrder.templatePlaceholder')}
          options={templates.map((tpl, index) => ({
            value: tpl.id ?? String(index),
            label: `${tpl.name} (${tpl.language.toUpperCase()})`,
          }))}
        />
      )}
      <TextArea
        label={t('workOrder.notesLabel')}
        rows={5}
        maxLength={20_000}
        value={value}
        disabled={disabled}
        onValue={update}
        onBlur={() => {
          window.clearTimeout(timer.current);
          if (value !== notes) void persist(value);
        }}
      />
    </Section>
  );
}

function FinishSection({
  draft,
  hasOpenItems,
  missingSignature,
  onExecute,
  onSend,
  onDiscard,
}: {
  draft: WorkOrderDraft;
  hasOpenItems: boolean;
  missingSignature: boolean;
  onExecute: (executedOn: string) => void;
  onSend: () => void;
  onDiscard: () => void;
}) {
  const t = useT();
  const [executedOn, setExecutedOn] = useState(draft.executedOn ?? todayIso());
  const executed = draft.status === 'executed';
  const user = currentUser();
  return (
    <Section title={t('workOrder.finish')} className="finish">
      {draft.dirty && <p className="muted">{t('workOrder.unsent')}</p>}
      {!draft.dirty && hasOpenItems && <p className="muted">{t('workOrder.queued')}</p>}
      {!executed && (
        <>
          {missingSignature && <Notice tone="warning">{t('workOrder.missingSignature')}</Notice>}
          <div className="field">
            <label htmlFor="executed-on" className="field-label">
              {t('workOrder.executedOnLabel')}
            </label>
            <input
              id="executed-on"
              className="input"
              type="date"
              max={todayIso()}
              value={executedOn}
              onChange={(e) => setExecutedOn(e.target.value)}
            />
          </div>
          <Button block onClick={() => onExecute(executedOn || todayIso())} disabled={!user}>
            {t('workOrder.markExecuted')}
          </Button>
        </>
      )}
      {draft.dirty && (
        <Button block variant={executed ? 'primary' : 'secondary'} onClick={onSend}>
          {t(executed ? 'workOrder.sendChanges' : 'workOrder.sendWithoutExecuting')}
        </Button>
      )}
      {draft.dirty && !hasOpenItems && (
        <Button block variant="ghost" onClick={onDiscard}>
          {t('workOrder.discard')}
        </Button>
      )}
    </Section>
  );
}
