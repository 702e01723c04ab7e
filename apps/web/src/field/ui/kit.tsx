import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type AnchorHTMLAttributes,
  type ButtonHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
} from 'react';
import { useT } from '../i18n';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

export function Button({
  variant = 'primary',
  block,
  busy,
  className,
  children,
  type = 'button',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; block?: boolean; busy?: boolean }) {
  return (
    <button
      type={type}
      className={`btn btn-${variant}${block ? ' btn-block' : ''}${className ? ` ${className}` : ''}`}
      aria-busy={busy || undefined}
      disabled={props.disabled || busy}
      {...props}
    >
      {children}
    </button>
  );
}

/** A link that looks like a button (call, maps). */
export function ButtonLink({
  variant = 'secondary',
  className,
  ...props
}: AnchorHTMLAttributes<HTMLAnchorElement> & { variant?: Variant }) {
  return <a className={`btn btn-${variant}${className ? ` ${className}` : ''}`} {...props} />;
}

type FieldChrome = { label: ReactNode; hint?: ReactNode; error?: ReactNode; required?: boolean };

function useFieldIds(hint: unknown, error: unknown) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, describedBy: describedBy || undefined };
}

function Chrome({
  id,
  label,
  hint,
  error,
  required,
  children,
}: FieldChrome & { id: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField({
  label,
  hint,
  error,
  required,
  onValue,
  ...props
}: FieldChrome & Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> & { onValue: (v: string) => void }) {
  const { id, describedBy } = useFieldIds(hint, error);
  return (
    <Chrome id={id} label={label} hint={hint} error={error} required={required}>
      <input
        id={id}
        className="input"
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        required={required}
        onChange={(e) => onValue(e.target.value)}
        {...props}
      />
    </Chrome>
  );
}

export function TextArea({
  label,
  hint,
  error,
  required,
  onValue,
  ...props
}: FieldChrome &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange'> & { onValue: (v: string) => void }) {
  const { id, describedBy } = useFieldIds(hint, error);
  return (
    <Chrome id={id} label={label} hint={hint} error={error} required={required}>
      <textarea
        id={id}
        className="input textarea"
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        required={required}
        onChange={(e) => onValue(e.target.value)}
        {...props}
      />
    </Chrome>
  );
}

export type Option = { value: string; label: string };

export function SelectField({
  label,
  hint,
  error,
  required,
  value,
  options,
  onValue,
  placeholder,
}: FieldChrome & { value: string; options: Option[]; onValue: (v: string) => void; placeholder?: string }) {
  const { id, describedBy } = useFieldIds(hint, error);
  return (
    <Chrome id={id} label={label} hint={hint} error={error} required={required}>
      <select
        id={id}
        className="input select"
        value={value}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        required={required}
        onChange={(e) => onValue(e.target.value)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Chrome>
  );
}

export function Checkbox({
  label,
  checked,
  onValue,
}: {
  label: ReactNode;
  checked: boolean;
  onValue: (v: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onValue(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** Big radio buttons side by side (leak check result): one tap on site. */
export function Choice({
  legend,
  value,
  options,
  onValue,
  error,
  required,
}: {
  legend: ReactNode;
  value: string;
  options: Option[];
  onValue: (v: string) => void;
  error?: ReactNode;
  required?: boolean;
}) {
  const name = useId();
  return (
    <fieldset
      className={`choice${error ? ' field-invalid' : ''}`}
      aria-describedby={error ? `${name}-error` : undefined}
    >
      <legend className="field-label">
        {legend}
        {required && <span aria-hidden="true"> *</span>}
      </legend>
      <div className="choice-options">
        {options.map((o) => (
          <label key={o.value} className={`choice-option${value === o.value ? ' is-checked' : ''}`}>
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onValue(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id={`${name}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function Notice({
  tone = 'info',
  children,
  live,
}: {
  tone?: Tone;
  children: ReactNode;
  /** Announce it: 'polite' for news, 'assertive' for errors after an action. */
  live?: 'polite' | 'assertive';
}) {
  const role = live === 'assertive' ? 'alert' : live === 'polite' ? 'status' : undefined;
  return (
    <div className={`notice notice-${tone}`} role={role}>
      {children}
    </div>
  );
}

export function Section({
  title,
  actions,
  children,
  className,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <section className={`card${className ? ` ${className}` : ''}`} aria-labelledby={id}>
      <div className="card-head">
        <h2 id={id}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** The page heading, focused after navigation so screen readers announce the new screen. */
export function PageTitle({ children, sub }: { children: ReactNode; sub?: ReactNode }) {
  return (
    <div className="page-title">
      <h1 tabIndex={-1} id="page-title">
        {children}
      </h1>
      {sub && <p className="page-sub">{sub}</p>}
    </div>
  );
}

export function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/**
 * A confirmation in a native modal <dialog> (focus trapped, Escape cancels):
 * `const [dialog, confirm] = useConfirm(); if (await confirm(text)) …`.
 */
export function useConfirm(): [ReactNode, (message: string, confirmLabel?: string) => Promise<boolean>] {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const [state, setState] = useState<{ message: string; label: string } | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (state && dialog && !dialog.open) dialog.showModal();
  }, [state]);

  const close = (ok: boolean) => {
    ref.current?.close();
    setState(null);
    resolver.current?.(ok);
    resolver.current = null;
  };

  const ask = useCallback(
    (message: string, confirmLabel?: string) =>
      new Promise<boolean>((resolve) => {
        resolver.current = resolve;
        setState({ message, label: confirmLabel ?? t('common.confirm') });
      }),
    [t],
  );

  const element = state ? (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        close(false);
      }}
    >
      <p id={titleId} className="dialog-text">
        {state.message}
      </p>
      <div className="dialog-actions">
        <Button variant="secondary" onClick={() => close(false)}>
          {t('common.cancel')}
        </Button>
        <Button variant="danger" onClick={() => close(true)}>
          {state.label}
        </Button>
      </div>
    </dialog>
  ) : null;
  return [element, ask];
}
