import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3Store } from '../../storage/object-store.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { signUpCompany, type TestClient } from '../../test-support/test-client.js';

let t: TestApp;
let admin: TestClient;
let installationId: string;

const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** A PNG with an eXIf chunk inserted after IHDR (CRC not checked by our reader). */
function pngWithExif(): Buffer {
  const exif = Buffer.from('MM\u0000*GPS-51.05N-3.72E', 'latin1');
  const chunk = Buffer.alloc(12 + exif.length);
  chunk.writeUInt32BE(exif.length, 0);
  chunk.write('eXIf', 4, 'latin1');
  exif.copy(chunk, 8);
  return Buffer.concat([PNG_1PX.subarray(0, 33), chunk, PNG_1PX.subarray(33)]);
}

/** A minimal JPEG: SOI, an EXIF APP1 segment, a SOF0 of 4×3, SOS and EOI. */
function jpegWithExif(width = 4, height = 3): Buffer {
  const exifBody = Buffer.from('Exif\u0000\u0000GPS 51.05 N 3.72 E', 'latin1');
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1]), Buffer.from([0, exifBody.length + 2]), exifBody]);
  const sof = Buffer.from([
    0xff,
    0xc0,
    0,
    11,
    8,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    1,
    1,
    0x11,
    0,
  ]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    app1,
    sof,
    Buffer.from([0xff, 0xda, 0, 2, 1, 2, 3, 0xff, 0xd9]),
  ]);
}

beforeAll(async () => {
  t = await createTestApp();
  admin = (await signUpCompany(t.app)).client;
  const customerId = (await admin.post('/api/v1/customers', { name: 'Fotoklant' })).data.id;
  const locationId = (await admin.post('/api/v1/locations', { customerId })).data.id;
  installationId = (await admin.post('/api/v1/installations', { locationId, kind: 'heat_pump' })).data.id;
});
afterAll(async () => t.close());

const upload = (body: Buffer, type: string, filename = 'foto.jpg') =>
  admin.request(
    'POST',
    `/api/v1/installations/${installationId}/attachments?filename=${encodeURIComponent(filename)}`,
    body as never,
    { 'content-type': type },
  );

describe('attachments', () => {
  it('stores photos without their EXIF position and serves them as sandboxed downloads', async () => {
    const jpeg = await upload(jpegWithExif(), 'image/jpeg', '../../etc/passwd "buiten".jpg');
    expect(jpeg.statusCode).toBe(201);
    expect(jpeg.data).toMatchObject({
      contentType: 'image/jpeg',
      width: 4,
      height: 3,
      filename: 'passwd buiten.jpg',
    });
    const download = await t.app.inject({
      method: 'GET',
      url: `/api/v1/installations/${installationId}/attachments/${jpeg.data.id}`,
      headers: { cookie: admin.cookie! },
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="passwd_buiten.jpg"/);
    expect(download.headers['content-security-policy']).toContain('sandbox');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.toString('latin1')).not.toContain('GPS');
    expect(download.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));

    const png = await upload(pngWithExif(), 'application/octet-stream', 'scan.png');
    expect(png.data.contentType).toBe('image/png');
    const stored = await t.app.inject({
      method: 'GET',
      url: `/api/v1/installations/${installationId}/attachments/${png.data.id}?inline=true`,
      headers: { cookie: admin.cookie! },
    });
    expect(stored.headers['content-disposition']).toMatch(/^inline/);
    expect(stored.headers['cache-control']).toContain('private');
    expect(stored.rawPayload.toString('latin1')).not.toContain('GPS');
    // Shown on the page is part of viewing the installation; only the download is audited on its own.
    const downloads = await admin.get('/api/v1/audit-events?action=attachment.downloaded');
    expect(downloads.data.items.map((e: { entity: { id: string } }) => e.entity.id)).toEqual([jpeg.data.id]);
    const detail = await admin.get(`/api/v1/installations/${installationId}`);
    expect(detail.data.attachments.map((a: { id: string }) => a.id)).toEqual([jpeg.data.id, png.data.id]);
  });

  it('decides the type by content: HTML or SVG dressed as an image is refused', async () => {
    const html = await upload(
      Buffer.from('<html><script>alert(1)</script></html>'),
      'image/jpeg',
      'foto.jpg',
    );
    expect(html.statusCode).toBe(422);
    expect(html.data.errors[0]).toMatchObject({ field: 'file', code: 'unsupported_type' });
    const svg = await upload(
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
      'image/png',
      'x.png',
    );
    expect(svg.statusCode).toBe(422);
    expect((await upload(Buffer.from('x'), 'text/html')).statusCode).toBe(415);
  });

  it('refuses files over 10 MB and pixel floods', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024)]);
    expect((await upload(big, 'application/pdf', 'groot.pdf')).statusCode).toBe(413);
    const flood = jpegWithExif(40_000, 40_000);
    const res = await upload(flood, 'image/jpeg');
    expect(res.statusCode).toBe(422);
    expect(res.data.errors[0].code).toBe('too_many_pixels');
  });

  it('deletes attachments and hides them from other accounts', async () => {
    const pdf = await upload(
      Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'),
      'application/pdf',
      'keuring.pdf',
    );
    const other = (await signUpCompany(t.app)).client;
    expect(
      (await other.get(`/api/v1/installations/${installationId}/attachments/${pdf.data.id}`)).statusCode,
    ).toBe(404);
    expect(
      (await other.delete(`/api/v1/installations/${installationId}/attachments/${pdf.data.id}`)).statusCode,
    ).toBe(404);
    expect(
      (await admin.delete(`/api/v1/installations/${installationId}/attachments/${pdf.data.id}`)).statusCode,
    ).toBe(204);
    expect(
      (await admin.get(`/api/v1/installations/${installationId}/attachments/${pdf.data.id}`)).statusCode,
    ).toBe(404);
  });
});

describe('S3-compatible storage', () => {
  let server: Server;
  const objects = new Map<string, Buffer>();
  beforeAll(async () => {
    // A path-style S3 endpoint that keeps objects in memory and checks that requests are signed.
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (!String(req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256'))
          return res.writeHead(403).end();
        const key = decodeURIComponent(req.url!.split('?')[0]!);
        if (req.method === 'PUT') objects.set(key, Buffer.concat(chunks));
        if (req.method === 'DELETE') objects.delete(key);
        if (req.method === 'GET') {
          const body = objects.get(key);
          return body
            ? res.writeHead(200, { 'content-length': body.length }).end(body)
            : res.writeHead(404).end();
        }
        res.writeHead(req.method === 'DELETE' ? 204 : 200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('puts, reads and deletes objects in the bucket under generated keys', async () => {
    const store = s3Store({
      bucket: 'climalog',
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      region: 'eu-west-1',
      accessKeyId: 'test',
      secretAccessKey: 'test-secret',
      forcePathStyle: true,
    });
    const key = '11111111-1111-4111-8111-111111111111/22222222-2222-4222-8222-222222222222';
    await store.put(key, Buffer.from('hallo'), 'application/pdf');
    expect(objects.get(`/climalog/${key}`)?.toString()).toBe('hallo');
    const chunks: Buffer[] = [];
    for await (const chunk of await store.get(key)) chunks.push(Buffer.from(chunk as Uint8Array));
    expect(Buffer.concat(chunks).toString()).toBe('hallo');
    await store.remove(key);
    expect(objects.size).toBe(0);
    await expect(store.put('../etc/passwd', Buffer.from('x'), 'text/plain')).rejects.toThrow(/unsafe/);
  });
});
