import { Box, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';

type Props = { label: string; value: string | null; onChange: (image: string | null) => void };

const WIDTH = 560;
const HEIGHT = 180;

/** Draw a signature with mouse, pen or finger; it is kept as a PNG data URL. */
export function SignaturePad({ label, value, onChange }: Props) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const drawn = useRef<string | null>(null);

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || value === drawn.current) return;
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    if (value) {
      const image = new Image();
      image.onload = () => ctx.drawImage(image, 0, 0, WIDTH, HEIGHT);
      image.src = value;
    }
    drawn.current = value;
  }, [value]);

  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return {
      x: ((event.clientX - rect.left) / rect.width) * WIDTH,
      y: ((event.clientY - rect.top) / rect.height) * HEIGHT,
    };
  };
  const start = (event: PointerEvent<HTMLCanvasElement>) => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = true;
    const { x, y } = point(event);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#1a1b1e';
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + 0.1, y + 0.1);
    ctx.stroke();
  };
  const move = (event: PointerEvent<HTMLCanvasElement>) => {
    const ctx = canvas.current?.getContext('2d');
    if (!drawing.current || !ctx) return;
    const { x, y } = point(event);
    ctx.lineTo(x, y);
    ctx.stroke();
  };
  const end = () => {
    if (!drawing.current || !canvas.current) return;
    drawing.current = false;
    const image = canvas.current.toDataURL('image/png');
    drawn.current = image;
    onChange(image);
  };
  const clear = () => {
    canvas.current?.getContext('2d')?.clearRect(0, 0, WIDTH, HEIGHT);
    drawn.current = null;
    onChange(null);
  };

  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Box
        style={{
          border: '1px dashed var(--mantine-color-gray-5)',
          borderRadius: 8,
          background: 'white',
          maxWidth: WIDTH,
        }}
      >
        <canvas
          ref={canvas}
          width={WIDTH}
          height={HEIGHT}
          role="img"
          aria-label={value ? t('signatures.signed') : t('signatures.empty')}
          style={{
            width: '100%',
            height: 'auto',
            display: 'block',
            touchAction: 'none',
            cursor: 'crosshair',
          }}
          onPointerDown={start}
          onPointerMove={move}
          onPointerUp={end}
          onPointerLeave={end}
        />
      </Box>
      <Group gap="xs">
        <Text size="xs" c="dimmed">
          {t('signatures.help')}
        </Text>
        <Button size="compact-xs" variant="subtle" onClick={clear} disabled={!value}>
          {t('signatures.clear')}
        </Button>
      </Group>
    </Stack>
  );
}
