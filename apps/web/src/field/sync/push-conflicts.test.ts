// The offline store is IndexedDB: an in-memory one, installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Installation } from '../../api/site-types';
import { authStore, currentUser, signIn } from '../api/auth';
import { getKv } from '../data/db';
import type { UpdateWorkOrderItem, WorkOrderDraft } from '../data/model';
import { TECHNICIAN, type FakeApi } from '../test-support/fake-api';
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
} from '../test-support/sync-fixture';
import { workOrderSyncState } from '../ui/sync-state';
import { editDraft, keepMine, queueWorkOrder, startWorkOrder, takeTheirs } from './queue';

let api: FakeApi;
const push = setUpSyncTests((started) => ({ api } = started));

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
