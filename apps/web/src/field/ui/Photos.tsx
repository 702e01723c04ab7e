import { useEffect, useRef, useState } from 'react';
import { db } from '../data/db';
import { useLive } from '../data/live';
import type { QueueState, UploadPhotoItem } from '../data/model';
import { useT } from '../i18n';
import { queuePhoto } from '../sync/queue';
import { IconCamera } from './icons';
import { Badge, Button, type Tone } from './kit';
import { resizePhoto } from './photo';

const STATE_TONE: Record<QueueState, Tone> = {
  queued: 'warning',
  sending: 'info',
  sent: 'success',
  failed: 'danger',
  conflict: 'danger',
};

function Thumbnail({ item, label }: { item: UploadPhotoItem; label: string }) {
  const t = useT();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(item.blob);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [item.blob]);
  return (
    <li className="thumb">
      {url && <img src={url} alt={label} width={96} height={96} />}
      <Badge tone={STATE_TONE[item.state]}>{t(`queue.state.${item.state}`)}</Badge>
    </li>
  );
}

/** Take photos of an installation: resized on the device, queued, uploaded when online. */
export function Photos({
  installationId,
  installationLabel,
  workOrderId,
}: {
  installationId: string;
  installationLabel: string;
  workOrderId: string | null;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const photos = useLive(
    async () =>
      (await db.queue.orderBy('seq').toArray()).filter(
        (i): i is UploadPhotoItem => i.kind === 'photo.upload' && i.installationId === installationId,
      ),
    `photos:${installationId}`,
  );

  const take = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    setError(null);
    try {
      for (const file of files) {
        const photo = await resizePhoto(file);
        await queuePhoto({ installationId, workOrderId, ...photo });
      }
    } catch {
      setError(t('photo.failed'));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className="photos">
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        hidden
        aria-hidden="true"
        tabIndex={-1}
        onChange={(e) => void take(e.target.files)}
      />
      <Button
        variant="secondary"
        busy={busy}
        onClick={() => input.current?.click()}
        aria-label={t('photo.takeFor', { name: installationLabel })}
      >
        <IconCamera size={18} />
        {busy ? t('photo.resizing') : t('photo.take')}
      </Button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {photos && photos.length > 0 && (
        <ul className="thumbs" aria-label={t('photo.list', { name: installationLabel })}>
          {photos.map((item, index) => (
            <Thumbnail
              key={item.id}
              item={item}
              label={t('photo.alt', { n: index + 1, name: installationLabel })}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
