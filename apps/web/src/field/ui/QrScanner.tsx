import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';
import { Button, Notice } from './kit';

type DetectedBarcode = { rawValue: string };
type BarcodeDetectorLike = { detect(source: HTMLVideoElement): Promise<DetectedBarcode[]> };
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

const Detector = (window as unknown as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;

/** The camera can read QR codes here (BarcodeDetector: Chrome on Android, Safari 17+ on iOS…). */
export const canScan = typeof Detector === 'function' && Boolean(navigator.mediaDevices?.getUserMedia);

/** Reads the QR code of the instruction card with the back camera; stops at the first code. */
export function QrScanner({ onCode, onClose }: { onCode: (text: string) => void; onClose: () => void }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const done = useRef(onCode);
  useEffect(() => {
    done.current = onCode;
  });

  useEffect(() => {
    if (!Detector) return;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const detector = new Detector({ formats: ['qr_code'] });
    const scan = async () => {
      if (stopped || !video.current) return;
      try {
        const [code] = await detector.detect(video.current);
        if (code?.rawValue) {
          stopped = true;
          done.current(code.rawValue);
          return;
        }
      } catch {
        // Not ready yet: the next frame.
      }
      timer = window.setTimeout(() => void scan(), 250);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false })
      .then(async (media) => {
        stream = media;
        if (stopped || !video.current) return;
        video.current.srcObject = media;
        await video.current.play();
        void scan();
      })
      .catch(() => setFailed(true));
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <div className="scanner stack">
      {failed ? (
        <Notice tone="danger" live="assertive">
          {t('find.cameraFailed')}
        </Notice>
      ) : (
        <>
          <p role="status">{t('find.scanning')}</p>
          <video ref={video} className="scanner-video" muted playsInline aria-label={t('find.cameraView')} />
        </>
      )}
      <Button variant="secondary" block onClick={onClose}>
        {t('find.stopScan')}
      </Button>
    </div>
  );
}
