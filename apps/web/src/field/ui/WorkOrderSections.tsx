import { useEffect, useRef, useState } from 'react';
import { currentUser } from '../api/auth';
import { todayIso } from '../data/ids';
import type { WorkOrderDraft } from '../data/model';
import { useT } from '../i18n';
import type { FieldSettings } from '../sync/pull';
import { Button, Notice, Section, SelectField, TextArea } from './kit';

export function NotesSection({
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

export function FinishSection({
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
