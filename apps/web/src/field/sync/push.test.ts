// The offline store is IndexedDB: an in-memory one, installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Installation } from '../../api/site-types';
import { db, getKv } from '../data/db';
import type { CreateWorkOrderItem, UpdateWorkOrderItem, UploadPhotoItem } from '../data/model';
import type { FakeApi } from '../test-support/fake-api';
import {
  execute,
  INSTALLATION_A,
  INSTALLATION_B,
  INSTALLATION_C,
  leakCheck,
  photo,
  queued,
  record,
  states,
  topUp,
  setUpSyncTests,
  type SyncTest,
} from '../test-support/sync-fixture';
import { workOrderSyncState } from '../ui/sync-state';
import { editDraft, queueWorkOrder, startWorkOrder } from './queue';

let api: FakeApi;
let progress: SyncTest['progress'];
const push = setUpSyncTests((started) => ({ api, progress } = started));

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
