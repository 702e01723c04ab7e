import { request as playwrightRequest, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { emailLink, waitForMail } from './support/outbox';
import { CHROMIUM_PATH, hasChromium } from './support/paths';
import { startServer, type RunningServer } from './support/server';
import { apiCall, signUpCompany, type SignedIn } from './support/service-session';

const chromiumMissing = !hasChromium();
if (chromiumMissing) {
  console.warn(`[e2e] Skipping the field app's offline flow: ${CHROMIUM_PATH} does not exist.`);
}

const TECHNICIAN = {
  firstName: 'Jonas',
  lastName: 'Maes',
  email: 'jonas@koeltechniek.example',
  password: 'zonnige-wolk-trapt-harder-7',
};

/** Required fields end in " *" in their label: anchored patterns. */
const label = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

type WorkOrder = {
  id: string;
  number: number;
  status: string;
  executedOn: string | null;
  version: number;
  activities: {
    type: string;
    result: string | null;
    refrigerant: string | null;
    quantityKg: number | null;
    cylinderId: string | null;
  }[];
  signatures: { role: string; signerName: string; image: string }[];
};

/** Today as YYYY-MM-DD in the local time zone (what the field app sends as executedOn). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Draws a signature on the canvas with the pointer. */
async function sign(page: Page): Promise<void> {
  const canvas = page.getByRole('img', { name: 'Signature area' });
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 24; i++) {
    await page.mouse.move(box.x + 20 + i * 10, box.y + box.height / 2 - Math.sin(i / 3) * 40);
  }
  await page.mouse.up();
}

describe.skipIf(chromiumMissing)('field app: offline work order, sync without duplicates, revocation', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: SignedIn;
  let field: BrowserContext | undefined;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    admin = await signUpCompany(browser, server.url, 'els@koeltechniek.example');
  });

  afterAll(async () => {
    await field?.close();
    await browser?.close();
    await server?.stop();
  });

  it('records an executed leak check with a top-up and a signature offline, survives a reload, syncs once, and signs out when revoked', async () => {
    const { context, csrfToken } = admin;
    const call = <T>(method: 'GET' | 'POST', path: string, data?: unknown) =>
      apiCall<T>(context.request, csrfToken, method, path, data);

    // 1. A technician with a password (invitation accepted), and the work planned for today.
    const technician = await call<{ id: string }>('POST', '/users', {
      kind: 'person',
      firstName: TECHNICIAN.firstName,
      lastName: TECHNICIAN.lastName,
      email: TECHNICIAN.email,
      roles: ['technician'],
      invite: true,
    });
    const link = emailLink(await waitForMail(server.dataDir, TECHNICIAN.email), 'invitation');
    const anonymous = await playwrightRequest.newContext({ baseURL: server.url });
    const accepted = await anonymous.post('/api/v1/auth/invitations/accept', {
      data: { token: new URL(link).hash.replace('#token=', ''), password: TECHNICIAN.password },
    });
    expect(accepted.status()).toBe(204);
    await anonymous.dispose();

    const customer = await call<{ id: string }>('POST', '/customers', { name: 'Bakkerij Janssens' });
    const location = await call<{ id: string }>('POST', '/locations', {
      customerId: customer.id,
      street: 'Kerkstraat',
      number: '12',
      postcode: '9000',
      city: 'Gent',
      contacts: [{ name: 'Marie Janssens', role: 'Zaakvoerder', email: null, phone: '+32 470 12 34 56' }],
    });
    const installation = await call<{ id: string }>('POST', '/installations', {
      locationId: location.id,
      kind: 'air_conditioning',
      reference: 'Split 1',
      refrigerant: 'R-410A',
      chargeKg: 12.5,
    });
    const cylinder = await call<{ id: string; contentKg: number }>('POST', '/cylinders', {
      kind: 'supply',
      refrigerant: 'R-410A',
      serialNumber: 'CYL-E2E',
      capacityKg: 12.5,
      contentKg: 10,
    });
    const planned = await call<WorkOrder>('POST', '/work-orders', {
      installationIds: [installation.id],
      status: 'to_be_executed',
      plannedOn: today(),
      executorId: technician.id,
      activities: [{ installationId: installation.id, type: 'leak_check' }],
    });

    // 2. The technician signs in on a phone; the work and everything on it is downloaded.
    field = await browser.newContext({
      baseURL: server.url,
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await field.addInitScript(() => window.localStorage.setItem('climalog.language', 'en'));
    const page = await field.newPage();
    await page.goto('/field');
    await page.waitForURL('**/field/');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel(label('Email address')).fill(TECHNICIAN.email);
    await page.getByLabel(label('Password')).fill(TECHNICIAN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
    const workOrderLink = page.getByRole('link', {
      name: new RegExp(`Work order ${planned.number} · Bakkerij`),
    });
    await workOrderLink.waitFor();
    await page.getByRole('status').filter({ hasText: 'All sent' }).waitFor();
    // The service worker is active: the page and its assets are cached.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    // 3. Offline: the planned leak check gets its result, 1.2 kg R-410A from the cylinder, a signature.
    await workOrderLink.click();
    await page.getByRole('heading', { level: 1, name: `Work order ${planned.number}` }).waitFor();
    await field.setOffline(true);
    await page.getByRole('status').filter({ hasText: 'Offline' }).waitFor();
    await page.getByRole('button', { name: 'Change Leak check (1)' }).click();
    await page.getByRole('radio', { name: 'No leak' }).check();
    await page.getByRole('button', { name: 'Save activity' }).click();
    await page.getByRole('button', { name: 'Add activity' }).click();
    await page.getByLabel(label('Kind of activity')).selectOption('refrigerant_added');
    await expect(page.getByRole('combobox', { name: label('Refrigerant') }).inputValue()).resolves.toBe(
      'R-410A',
    );
    await page.getByLabel(label('Quantity (kg)')).fill('1.2');
    await page.getByLabel(label('From cylinder')).selectOption(cylinder.id);
    await page.getByRole('button', { name: 'Save activity' }).click();
    await page.getByText('1.2 kg R-410A · from cylinder CYL-E2E').waitFor();
    await page.getByLabel(label('Name of the signer')).fill('Marie Janssens');
    await sign(page);
    await page.getByRole('button', { name: 'Save signature' }).click();
    await page.getByRole('img', { name: 'Signature of Marie Janssens' }).waitFor();
    await page.getByRole('button', { name: 'Mark as executed' }).click();
    await page.getByText('Work order executed. It will be sent as soon as there is a connection.').waitFor();

    // 4. The queue holds it; a reload without a network brings back the app and the queue.
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: /^Queue/ }).click();
    const queued = page.getByRole('listitem').filter({ hasText: `Work order ${planned.number} – executed` });
    await queued.getByText('Queued', { exact: true }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor();
    await queued.getByText('Queued', { exact: true }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Offline · 1 waiting' }).waitFor();

    // 5. Back online: the queue sends itself, the item ends up sent.
    await field.setOffline(false);
    await queued.getByText('Sent', { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByRole('status').filter({ hasText: 'All sent' }).waitFor();

    // 6. On the server: one work order on the installation, executed, with both activities; the
    //    cylinder holds 1.2 kg less.
    const list = await call<{ items: WorkOrder[] }>('GET', `/work-orders?installationId=${installation.id}`);
    expect(list.items).toHaveLength(1);
    const [done] = list.items;
    expect(done!.id).toBe(planned.id);
    expect(done!.status).toBe('executed');
    expect(done!.executedOn).toBe(today());
    expect(
      done!.activities.map((a) => ({
        type: a.type,
        result: a.result,
        refrigerant: a.refrigerant,
        quantityKg: a.quantityKg,
        cylinderId: a.cylinderId,
      })),
    ).toEqual([
      { type: 'leak_check', result: 'no_leak', refrigerant: null, quantityKg: null, cylinderId: null },
      {
        type: 'refrigerant_added',
        result: null,
        refrigerant: 'R-410A',
        quantityKg: 1.2,
        cylinderId: cylinder.id,
      },
    ]);
    expect(done!.signatures).toHaveLength(1);
    expect(done!.signatures[0]).toMatchObject({ role: 'customer', signerName: 'Marie Janssens' });
    expect(done!.signatures[0]!.image).toMatch(/^data:image\/png;base64,/);
    const after = await call<{ contentKg: number; movements: { deltaKg: number }[] }>(
      'GET',
      `/cylinders/${cylinder.id}`,
    );
    expect(after.contentKg).toBeCloseTo(cylinder.contentKg - 1.2, 6);
    expect(after.movements.map((m) => m.deltaKg)).toEqual([-1.2]);

    // 7. The administrator revokes the device: at its next request the field app signs out.
    const devices = await call<{ items: { id: string; revokedAt: string | null; appVersion: string }[] }>(
      'GET',
      `/devices?userId=${technician.id}`,
    );
    expect(devices.items).toHaveLength(1);
    expect(devices.items[0]!.appVersion).toMatch(/^field-/);
    // Revoked the way an administrator does it: Users → the technician's actions → Devices → Revoke.
    const office = await context.newPage();
    await office.goto('/app/users');
    const fullName = `${TECHNICIAN.firstName} ${TECHNICIAN.lastName}`;
    await office.getByRole('button', { name: `Actions for ${fullName}` }).click();
    await office.getByRole('menuitem', { name: 'Devices' }).click();
    const devicesDialog = office.getByRole('dialog', { name: `Devices of ${fullName}` });
    await devicesDialog.getByRole('button', { name: 'Revoke' }).click();
    await office
      .getByRole('dialog', { name: 'Revoke device' })
      .getByRole('button', { name: 'Revoke' })
      .click();
    await devicesDialog.getByText('Revoked').first().waitFor();
    const revokedDevices = await call<{ items: { revokedAt: string | null }[] }>(
      'GET',
      `/devices?userId=${technician.id}`,
    );
    expect(revokedDevices.items[0]!.revokedAt).not.toBeNull();
    await office.close();
    await nav.getByRole('link', { name: 'Work' }).click();
    await page.getByRole('button', { name: 'Update' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByText('This device was signed out: an administrator revoked it').waitFor();
  });
});
