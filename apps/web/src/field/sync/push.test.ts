// The offline store is IndexedDB: an in-memory one, installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Installation } from '../../api/site-types';
import { authStore, currentUser, signIn } from '../api/auth';
import { db, getKv } from '../data/db';
import type {
  ActivityInput,
  CreateWorkOrderItem,
  UpdateWorkOrderItem,
  UploadPhotoItem,
  WorkOrderDraft,
} from '../data/model';
import { FakeApi, TECHNICIAN } from '../test-support/fake-api';
import { workOrderSyncState } from '../ui/sync-state';
import { pushQueue } from './push';
import { editDraft, keepMine, queuePhoto, queueWorkOrder, startWorkOrder, takeTheirs } from './queue';

const INSTALLATION_A = '00000000-0000-4000-8000-00000000a001';
const INSTALLATION_B = '00000000-0000-4000-8000-00000000a002';
const INSTALLATION_C = '00000000-0000-4000-8000-00000000a003';

let api: FakeApi;
let progress: ReturnType<typeof vi.fn<(done: number, total: number) => void>>;

beforeEach(async () => {
  // auth.ts asks navigator for Web Locks; Node (20) has no navigator.
  vi.stubGlobal('navigator', { onLine: true, userAgent: 'Mozilla/5.0 (Linux; Android 14) Chrome/130' });
  api = new FakeApi();
  vi.stubGlobal('fetch', api.fetch);
  await Promise.all(db.tables.map((table) => table.clear()));
  await api.signInDevice();
  progress = vi.fn<(done: number, total: number) => void>();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** One run of the sync's sending part; `force` as when the connection just came back. */
const push = (force = false) => pushQueue(progress, { force });
const queued = () => db.queue.orderBy('seq').toArray();
const states = async () => (await queued()).map((item) => item.state);
const record = async (id: string) => (await db.workOrders.get(id))!;

const leakCheck = (installationId: string): ActivityInput => ({
  installationId,
  type: 'leak_check',
  result: 'no_leak',
  method: 'direct',
});
const topUp = (installationId: string, refrigerant: string): ActivityInput => ({
  installationId,
  type: 'refrigerant_added',
  refrigerant,
  quantityKg: 1.5,
});
/** What the technician does on site: records activities and marks the work order executed. */
const execute =
  (...activities: ActivityInput[]) =>
  (draft: WorkOrderDraft): WorkOrderDraft => ({
    ...draft,
    status: 'executed',
    executedOn: '2026-03-02',
    activities: [...draft.activities, ...activities],
  });
const photo = (installationId: string) =>
  queuePhoto({
    installationId,
    workOrderId: null,
    blob: new Blob([new Uint8Array(2048)], { type: 'image/jpeg' }),
    width: 1600,
    height: 1200,
  });

describe('a refused item', () => {
  it('stays in the queue with the server’s reason and field while the items around it are sent', async () => {
    api.refrigerants.set(INSTALLATION_B, 'R32');
    const first = await api.assign({ installationIds: [INSTALLATION_A] });
    await editDraft(first.id, execute(leakCheck(INSTALLATION_A)));
    await queueWorkOrder(first.id);
    const second = await api.assign({ installationIds: [INSTALLATION_B] });
    await editDraft(second.id, execute(topUp(INSTALLATION_B, 'R410A')));
    await queueWorkOrder(second.id);
    await photo(INSTALLATION_C);

    expect(await push()).toBe('done');

    expect(await states()).toEqual(['sent', 'failed', 'sent']);
    expect(progress.mock.calls).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const refused = (await queued())[1] as UpdateWorkOrderItem;
    expect(refused.workOrderId).toBe(second.id);
    expect(refused.problem).toEqual({
      status: 422,
      detail: 'Some activities are not valid.',
      errors: [
        {
          field: 'activities.0.refrigerant',
          message: 'The installation contains R32, not R410A.',
          code: 'refrigerant_mismatch',
        },
      ],
    });
    // Nothing is lost: the refused change is still on the device, the server has none of it.
    expect((await record(second.id)).draft?.activities).toEqual([topUp(INSTALLATION_B, 'R410A')]);
    expect(refused.patch.activities).toEqual([topUp(INSTALLATION_B, 'R410A')]);
    expect(api.workOrders.get(second.id)).toMatchObject({
      version: 1,
      status: 'to_be_executed',
      activities: [],
    });
    expect(workOrderSyncState(await record(second.id), await queued())?.key).toBe('sync.failed');
    // The others went through.
    expect(api.workOrders.get(first.id)).toMatchObject({ version: 2, status: 'executed' });
    expect((await record(first.id)).server?.version).toBe(2);
    expect(api.attachments.get(INSTALLATION_C)).toHaveLength(1);

    // The refusal is not sent again by itself, not even when the connection comes back.
    api.requests.length = 0;
    expect(await push(true)).toBe('done');
    expect(api.requests).toEqual([]);
  });

  it('is sent once the technician fixed it, as the same item', async () => {
    api.refrigerants.set(INSTALLATION_B, 'R32');
    const workOrder = await api.assign({ installationIds: [INSTALLATION_B] });
    await editDraft(workOrder.id, execute(topUp(INSTALLATION_B, 'R410A')));
    await queueWorkOrder(workOrder.id);
    await push();
    const [refused] = await queued();
    expect(refused?.state).toBe('failed');

    await editDraft(workOrder.id, (draft) => ({ ...draft, activities: [topUp(INSTALLATION_B, 'R32')] }));
    await queueWorkOrder(workOrder.id);
    expect(await queued()).toEqual([
      expect.objectContaining({ id: refused!.id, state: 'queued', problem: null }),
    ]);
    expect(await push()).toBe('done');

    expect(await states()).toEqual(['sent']);
    expect(api.workOrders.get(workOrder.id)).toMatchObject({
      version: 2,
      activities: [
        expect.objectContaining({ type: 'refrigerant_added', refrigerant: 'R32', quantityKg: 1.5 }),
      ],
    });
    expect((await record(workOrder.id)).draft).toBeNull();
  });
});

describe('a request lost in the network', () => {
  const installation = {
    id: INSTALLATION_A,
    customerId: '00000000-0000-4000-8000-00000000c001',
    customerName: 'Bakkerij Peeters',
  } as Installation;

  it('leaves the item queued; the retry reuses its Idempotency-Key and the work order is created once', async () => {
    const planned = await api.assign({ installationIds: [INSTALLATION_B] });
    await editDraft(planned.id, (draft) => ({ ...draft, notes: 'Filters vervangen.' }));
    await queueWorkOrder(planned.id);
    const localId = await startWorkOrder(installation);
    await editDraft(localId, execute(leakCheck(INSTALLATION_A)));
    await queueWorkOrder(localId);
    await photo(INSTALLATION_C);
    // The server creates the work order, but its answer never reaches the phone.
    api.dropNext('POST', /^\/work-orders$/, 'answer');

    const before = Date.now();
    expect(await push()).toBe('offline');

    const [, sentFirst, upload] = await queued();
    const create = sentFirst as CreateWorkOrderItem;
    expect(await states()).toEqual(['sent', 'queued', 'queued']);
    expect(create).toMatchObject({
      kind: 'work_order.create',
      workOrderId: localId,
      attempted: true,
      attempts: 1,
      problem: { status: 0 },
    });
    // Tried again by itself later, not given up.
    expect(create.nextAttemptAt).toBeGreaterThan(before);
    expect(upload).toMatchObject({ attempted: false, attempts: 0 });
    expect(api.executed).toBe(1);

    // Meanwhile the technician adds a note: the work order is not queued for creation a second time.
    await editDraft(localId, (draft) => ({ ...draft, notes: 'Lekdetector gekalibreerd.' }));
    await queueWorkOrder(localId);
    expect((await queued()).map((item) => item.kind)).toEqual([
      'work_order.update',
      'work_order.create',
      'photo.upload',
      'work_order.update',
    ]);

    // The connection is back.
    expect(await push(true)).toBe('done');

    expect(await states()).toEqual(['sent', 'sent', 'sent', 'sent']);
    const posts = api.calls('POST', /^\/work-orders$/);
    expect(posts).toHaveLength(2);
    expect(posts.map((r) => r.headers['idempotency-key'])).toEqual([
      create.idempotencyKey,
      create.idempotencyKey,
    ]);
    // Once on the server (the retry got the stored answer), once on the device.
    const created = [...api.workOrders.values()].filter((w) => w.id !== planned.id);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      version: 2,
      status: 'executed',
      notes: 'Lekdetector gekalibreerd.',
      activities: [expect.objectContaining({ type: 'leak_check', result: 'no_leak' })],
    });
    expect((await db.workOrders.toCollection().primaryKeys()).sort()).toEqual(
      [planned.id, created[0]!.id].sort(),
    );
    expect(await getKv(`moved:${localId}`)).toBe(created[0]!.id);
    // The later change went to the new work order, on the version its creation returned.
    const patches = api.calls('PATCH', new RegExp(`^/work-orders/${created[0]!.id}$`));
    expect(patches).toEqual([
      expect.objectContaining({
        body: expect.objectContaining({ notes: 'Lekdetector gekalibreerd.', version: 1 }),
      }),
    ]);
    expect(api.attachments.get(INSTALLATION_C)).toHaveLength(1);
    expect(api.executed).toBe(2);
  });

  it('a change whose answer was lost is no conflict on the retry', async () => {
    const workOrder = await api.assign({ installationIds: [INSTALLATION_A], version: 7 });
    await editDraft(workOrder.id, execute(leakCheck(INSTALLATION_A)));
    await queueWorkOrder(workOrder.id);
    api.dropNext('PATCH', /^\/work-orders\//, 'answer');

    expect(await push()).toBe('offline');
    expect(await states()).toEqual(['queued']);
    expect(api.workOrders.get(workOrder.id)?.version).toBe(8);

    expect(await push(true)).toBe('done');

    // The retry met the server's newer version, which already holds the change.
    expect(
      api.calls('PATCH', /^\/work-orders\//).map((r) => (r.body as { version: number }).version),
    ).toEqual([7, 7]);
    expect(await queued()).toEqual([expect.objectContaining({ state: 'sent', result: { version: 8 } })]);
    expect(api.workOrders.get(workOrder.id)?.version).toBe(8);
    expect((await record(workOrder.id)).server?.version).toBe(8);
  });

  it('a request that never left keeps the item queued with the same key for a photo', async () => {
    await photo(INSTALLATION_C);
    api.dropNext('POST', /\/attachments$/, 'request');
    expect(await push()).toBe('offline');
    expect(api.attachments.get(INSTALLATION_C)).toBeUndefined();
    expect(await states()).toEqual(['queued']);

    expect(await push(true)).toBe('done');
    const [item] = await queued();
    expect(item).toMatchObject({ kind: 'photo.upload', state: 'sent' });
    const keys = api.calls('POST', /\/attachments$/).map((r) => r.headers['idempotency-key']);
    expect(keys).toEqual([expect.any(String), keys[0]]);
    expect(keys[0]).toBe((item as UploadPhotoItem).idempotencyKey);
    expect(api.attachments.get(INSTALLATION_C)).toHaveLength(1);
  });
});

describe('changes made while the sync is going on', () => {
  const notes = (text: string) => (draft: WorkOrderDraft) => ({ ...draft, notes: text });

  it('the server ends with the technician’s last edit when an earlier send failed in the network', async () => {
    const workOrder = await api.assign({ installationIds: [INSTALLATION_A] });
    await editDraft(workOrder.id, notes('Eerste versie.'));
    await queueWorkOrder(workOrder.id);
    // While the first change is on its way the technician edits again; then the network fails.
    api.whileSending('PATCH', /^\/work-orders\//, async () => {
      await editDraft(workOrder.id, notes('Tweede versie.'));
      await queueWorkOrder(workOrder.id);
    });
    api.dropNext('PATCH', /^\/work-orders\//, 'request');
    expect(await push()).toBe('offline');
    expect(await states()).toEqual(['queued', 'queued']);

    // Still offline, a last edit.
    await editDraft(workOrder.id, notes('Derde versie.'));
    await queueWorkOrder(workOrder.id);
    expect(await push(true)).toBe('done');

    expect(api.workOrders.get(workOrder.id)?.notes).toBe('Derde versie.');
    expect((await record(workOrder.id)).server?.notes).toBe('Derde versie.');
    expect((await queued()).every((item) => item.state === 'sent')).toBe(true);
  });

  it('a fixed refusal is not followed by a stale copy of the refused change', async () => {
    api.refrigerants.set(INSTALLATION_B, 'R32');
    const workOrder = await api.assign({ installationIds: [INSTALLATION_B] });
    await editDraft(workOrder.id, execute(topUp(INSTALLATION_B, 'R410A')));
    await queueWorkOrder(workOrder.id);
    api.whileSending('PATCH', /^\/work-orders\//, async () => {
      await editDraft(workOrder.id, notes('Bijgevuld.'));
      await queueWorkOrder(workOrder.id);
    });
    await push();
    expect(await states()).toEqual(['failed', 'queued']);

    await editDraft(workOrder.id, (draft) => ({ ...draft, activities: [topUp(INSTALLATION_B, 'R32')] }));
    await queueWorkOrder(workOrder.id);
    expect(await push()).toBe('done');

    expect((await queued()).map((item) => item.state)).not.toContain('failed');
    expect(api.workOrders.get(workOrder.id)).toMatchObject({
      notes: 'Bijgevuld.',
      activities: [expect.objectContaining({ refrigerant: 'R32' })],
    });
  });

  it('a work order created on the device and refused is not followed by a stale change of it', async () => {
    api.refrigerants.set(INSTALLATION_A, 'R32');
    const localId = await startWorkOrder({
      id: INSTALLATION_A,
      customerId: '00000000-0000-4000-8000-00000000c001',
      customerName: 'Bakkerij Peeters',
    } as Installation);
    await editDraft(localId, execute(topUp(INSTALLATION_A, 'R410A')));
    await queueWorkOrder(localId);
    // The server refuses it, but the answer is lost: the phone cannot tell whether it was created.
    api.dropNext('POST', /^\/work-orders$/, 'answer');
    expect(await push()).toBe('offline');
    await editDraft(localId, notes('Bijgevuld.'));
    await queueWorkOrder(localId);
    expect(await push(true)).toBe('done');
    expect(await states()).toEqual(['failed', 'queued']);

    await editDraft(localId, (draft) => ({ ...draft, activities: [topUp(INSTALLATION_A, 'R32')] }));
    await queueWorkOrder(localId);
    expect(await push()).toBe('done');

    expect((await queued()).map((item) => item.state)).not.toContain('failed');
    expect([...api.workOrders.values()]).toEqual([
      expect.objectContaining({
        notes: 'Bijgevuld.',
        activities: [expect.objectContaining({ refrigerant: 'R32' })],
      }),
    ]);
  });
});

describe('a work order the office changed meanwhile', () => {
  async function conflict() {
    const workOrder = await api.assign({
      installationIds: [INSTALLATION_A],
      notes: 'Sleutel bij de buren.',
      version: 3,
    });
    await editDraft(workOrder.id, execute(leakCheck(INSTALLATION_A)));
    await queueWorkOrder(workOrder.id);
    const theirs = api.officeChanges(workOrder.id, {
      notes: 'Klant belt tien minuten op voorhand.',
      plannedOn: '2026-03-03',
    });
    expect(await push()).toBe('done');
    const [item] = await queued();
    return { workOrder, theirs, item: item as UpdateWorkOrderItem };
  }

  it('is marked as a conflict with the office’s version for the technician to choose', async () => {
    const { workOrder, theirs, item } = await conflict();

    expect(item).toMatchObject({
      state: 'conflict',
      baseVersion: 3,
      theirs: { version: 4, notes: 'Klant belt tien minuten op voorhand.' },
      problem: { status: 409, reason: 'version_conflict' },
    });
    // Nothing was written on the server; the device shows the office's version beside the draft.
    expect(api.workOrders.get(workOrder.id)).toEqual(theirs);
    const local = await record(workOrder.id);
    expect(local.server).toEqual(theirs);
    expect(local.draft?.activities).toEqual([leakCheck(INSTALLATION_A)]);
    expect(workOrderSyncState(local, [item])?.key).toBe('sync.conflict');
    // It waits for the technician: not sent again by itself.
    api.requests.length = 0;
    await push(true);
    expect(api.requests).toEqual([]);
  });

  it('“keep mine” sends only the technician’s changes, on the office’s version', async () => {
    const { workOrder, item } = await conflict();

    await keepMine(item.id);
    expect(await queued()).toEqual([
      expect.objectContaining({ id: item.id, state: 'queued', baseVersion: 4, theirs: null, problem: null }),
    ]);
    api.requests.length = 0;
    expect(await push()).toBe('done');

    expect(api.calls('PATCH', /^\/work-orders\//).map((r) => r.body)).toEqual([
      {
        status: 'executed',
        executedOn: '2026-03-02',
        activities: [leakCheck(INSTALLATION_A)],
        version: 4,
      },
    ]);
    // The office's changes stay, the technician's are added.
    expect(api.workOrders.get(workOrder.id)).toMatchObject({
      version: 5,
      notes: 'Klant belt tien minuten op voorhand.',
      plannedOn: '2026-03-03',
      status: 'executed',
      activities: [expect.objectContaining({ type: 'leak_check', result: 'no_leak' })],
    });
    expect(await states()).toEqual(['sent']);
    const local = await record(workOrder.id);
    expect(local.server?.version).toBe(5);
    expect(local.draft).toBeNull();
  });

  it('“take theirs” drops the technician’s change and keeps the office’s version', async () => {
    const { workOrder, theirs, item } = await conflict();

    await takeTheirs(item.id);

    expect(await queued()).toEqual([]);
    expect(await record(workOrder.id)).toMatchObject({ server: theirs, draft: null });
    api.requests.length = 0;
    expect(await push(true)).toBe('done');
    expect(api.requests).toEqual([]);
    expect(api.workOrders.get(workOrder.id)).toEqual(theirs);
  });
});

describe('a revoked device', () => {
  it.each(['refresh_invalid', 'refresh_reused'] as const)(
    'is signed out at its next request (%s) and keeps its queued items',
    async (reason) => {
      const first = await api.assign({ installationIds: [INSTALLATION_A] });
      await editDraft(first.id, execute(leakCheck(INSTALLATION_A)));
      await queueWorkOrder(first.id);
      const second = await api.assign({ installationIds: [INSTALLATION_B] });
      await editDraft(second.id, (draft) => ({ ...draft, notes: 'Condensor gereinigd.' }));
      await queueWorkOrder(second.id);
      await photo(INSTALLATION_C);
      const before = await queued();
      api.revoke(reason);

      expect(await push()).toBe('signed_out');

      expect(authStore.get()).toEqual({ status: 'signed_out', reason: 'ended' });
      expect(currentUser()).toBeNull();
      expect(await getKv('session')).toBeUndefined();
      // The access token was refused, so was the refresh token; nothing else was tried.
      expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        `PATCH /work-orders/${first.id}`,
        'POST /auth/tokens/refresh',
      ]);
      // The queue is kept whole, waiting, with the work orders it belongs to.
      expect(await queued()).toEqual(
        before.map((item, i) => (i === 0 ? { ...item, attempted: true, attempts: 1 } : item)),
      );
      expect((await record(first.id)).draft?.activities).toEqual([leakCheck(INSTALLATION_A)]);
      expect((await record(second.id)).draft?.notes).toBe('Condensor gereinigd.');
      expect(api.executed).toBe(0);

      // Signed in again, the device sends what it kept.
      await signIn({ login: TECHNICIAN.email!, password: 'zonnige-wolk-trapt-harder-7', deviceName: '' });
      expect(await push()).toBe('done');
      expect(await states()).toEqual(['sent', 'sent', 'sent']);
      expect(api.workOrders.get(second.id)?.notes).toBe('Condensor gereinigd.');
    },
  );
});
