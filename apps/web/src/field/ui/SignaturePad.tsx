import { useEffect, useId, useRef, useState } from 'react';
import type { SignatureInput } from '../data/model';
import { useT } from '../i18n';
import { Button, TextField } from './kit';

/** The API takes a PNG data URL of at most 400,000 characters. */
const MAX_DATA_URL = 380_000;
const HEIGHT = 180;

/** The drawing as PNG, made smaller until it fits the API's limit. */
function exportPng(canvas: HTMLCanvasElement): string {
  let image = canvas.toDataURL('image/png');
  let scale = 1;
  while (image.length > MAX_DATA_URL && scale > 0.2) {
    scale *= 0.7;
    const small = document.createElement('canvas');
    small.width = Math.round(canvas.width * scale);
    small.height = Math.round(canvas.height * scale);
    small.getContext('2d')!.drawImage(canvas, 0, 0, small.width, small.height);
    image = small.toDataURL('image/png');
  }
  return image;
}

/**
 * The customer signs with a finger (or stylus, or mouse) on the phone. Saved as a PNG data URL with
 * the signer's name; a saved signature is shown with the option to sign again.
 */
export function SignaturePad({
  signature,
  defaultName,
  onSave,
  disabled,
}: {
  signature: SignatureInput | undefined;
  defaultName: string;
  onSave: (signature: SignatureInput | null) => void;
  disabled?: boolean;
}) {
  const t = useT();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [editing, setEditing] = useState(!signature);
  const [name, setName] = useState(signature?.signerName ?? defaultName);
  const [inked, setInked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hintId = useId();

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!editing || !canvas) return;
    const ratio = Math.min(window.devicePixelRatio || 1, 2);
    const width = canvas.parentElement?.clientWidth ?? 320;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(HEIGHT * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${HEIGHT}px`;
    const context = canvas.getContext('2d')!;
    context.scale(ratio, ratio);
    context.lineWidth = 2.6;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = '#10233f';
    let last: { x: number; y: number } | null = null;
    const point = (e: PointerEvent) => {
      const box = canvas.getBoundingClientRect();
      return { x: e.clientX - box.left, y: e.clientY - box.top };
    };
    const down = (e: PointerEvent) => {
      e.preventDefault();
      canvas.setPointerCapture(e.pointerId);
      last = point(e);
      context.beginPath();
      context.arc(last.x, last.y, 1.2, 0, Math.PI * 2);
      context.fillStyle = context.strokeStyle;
      context.fill();
      setInked(true);
    };
    const move = (e: PointerEvent) => {
      if (!last) return;
      const next = point(e);
      context.beginPath();
      context.moveTo(last.x, last.y);
      context.lineTo(next.x, next.y);
      context.stroke();
      last = next;
    };
    const up = () => {
      last = null;
    };
    canvas.addEventListener('pointerdown', down);
    canvas.addEventListener('pointermove', move);
    canvas.addEventListener('pointerup', up);
    canvas.addEventListener('pointercancel', up);
    return () => {
      canvas.removeEventListener('pointerdown', down);
      canvas.removeEventListener('pointermove', move);
      canvas.removeEventListener('pointerup', up);
      canvas.removeEventListener('pointercancel', up);
    };
  }, [editing]);

  const clear = () => {
    const canvas = canvasRef.current;
    canvas?.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
    setInked(false);
  };

  const save = () => {
    if (!name.trim()) return setError(t('signature.nameRequired'));
    if (!inked || !canvasRef.current) return setError(t('signature.empty'));
    setError(null);
    onSave({ role: 'customer', signerName: name.trim(), image: exportPng(canvasRef.current) });
    setEditing(false);
  };

  if (!editing && signature) {
    return (
      <div className="stack">
        <img
          className="signature-image"
          src={signature.image}
          alt={t('signature.image', { name: signature.signerName })}
        />
        <p>{t('signature.signedBy', { name: signature.signerName })}</p>
        {!disabled && (
          <div className="actions">
            <Button variant="secondary" onClick={() => onSave(null)}>
              {t('signature.remove')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setInked(false);
                setEditing(true);
              }}
            >
              {t('signature.again')}
            </Button>
          </div>
        )}
      </div>
    );
  }

  return (
    <div className="stack">
      <TextField label={t('signature.signerName')} required maxLength={200} value={name} onValue={setName} />
      <p id={hintId} className="field-hint">
        {t('signature.hint')}
      </p>
      <div className="signature-box">
        <canvas ref={canvasRef} role="img" aria-label={t('signature.pad')} aria-describedby={hintId} />
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <Button variant="secondary" onClick={clear} disabled={!inked}>
          {t('signature.clear')}
        </Button>
        {signature && (
          <Button variant="secondary" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </Button>
        )}
        <Button onClick={save} disabled={disabled}>
          {t('signature.save')}
        </Button>
      </div>
    </div>
  );
}
