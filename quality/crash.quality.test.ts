import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { JsonResponse } from '../bench/lib/load.mjs';
import { cylinderBalanceMismatches, staleForecasts, withServerDatabase } from './support/consistency.js';
import { DB, useCrashServer } from './support/crash-server.js';
import { FULL, sized } from './support/mode.js';
import { signInDevice } from './support/real-server.js';
import {
  customerBody,
  executedWorkOrderBody,
  installationBody,
  listAll,
  plannedWorkOrderBody,
} from './support/write-mix.js';

/**
 * Crash consistency: the real server is killed with SIGKILL while many writes are in flight, then
 * started again on the same data. Every write whose 2xx answer arrived must be there with its
 * content, nothing may be half-written, and the server must start cleanly every time. See
 * docs/quality.md ("Crash consistency").
 */
const WRITES = sized(150, 1000);
const KILLS = sized(1, 4);
const WORKERS = sized(24, 64);

const server = useCrashServer();

/** What one write sent, and whether its 2xx answer arrived. */
type Sent =
  | { kind: 'customer'; tag: string; id?: string }
  | { kind: 'installation'; tag: string; id?: string }
  | { kind: 'work_order'; tag: string; activityCount: number; id?: string }
  | { kind: 'planned'; tag: string; id?: string }
  | { kind: 'patch'; tag: string; workOrderId: string; acknowledged: boolean };

describe(`crash consistency (${DB})`, () => {
  it(`keeps every acknowledged write through kill -9 (${WRITES} writes, ${KILLS} kills), nothing half-written`, async () => {
    const { environment, api, client, sites, crashAndRestart, serverOutput } = server;
    const sent: Sent[] = [];
    const unexpected: string[] = [];
    let issued = 0;
    let acknowledged = 0;
    // Writes are sent only while the server is up; a kill puts the workers on hold until it is back.
    let up: Promise<void> = Promise.resolve();
    const killPoints = Array.from({ length: KILLS }, (_, k) =>
      Math.round((WRITES * (k + 1)) / (KILLS + 1) + (Math.random() - 0.5) * (WRITES / (KILLS + 1) / 2)),
    );
    let restarts = 0;
    const inFlightAtKills: number[] = [];
    let inFlight = 0;

    const write = async (entry: Sent, method: string, path: string, body: unknown) => {
      sent.push(entry);
      inFlight += 1;
      try {
        const response = await client.send(method, path, body);
        if (response.status >= 200 && response.status < 300) {
          acknowledged += 1;
          if (entry.kind === 'patch') entry.acknowledged = true;
          else entry.id = response.body.id;
          return response.body;
        }
        unexpected.push(`${method} ${path}: HTTP ${response.status} ${JSON.stringify(response.body)}`);
      } catch {
        // The connection broke: the server was killed with this write in flight (or before it).
      } finally {
        inFlight -= 1;
      }
      return null;
    };

    const worker = async (w: number) => {
      let planned: { id: string; version: number } | null = null;
      let plannedEpoch = -1;
      while (issued < WRITES) {
        await up;
        const n = issued++;
        const tag = `${DB}-${w}-${n}-${randomUUID().slice(0, 8)}`;
        const site = sites[n % sites.length]!;
        const pick = n % 20;
        // The planned work order a worker changes is its own, so two changes never collide. After
        // a crash it reads the version again: a change in flight may have gone through unanswered.
        if (pick >= 14 && planned && plannedEpoch !== restarts) {
          const epoch = restarts;
          const current: JsonResponse | null = await client
            .send('GET', `/work-orders/${planned.id}`)
            .catch(() => null);
          if (current?.status === 200)
            [planned, plannedEpoch] = [{ id: planned.id, version: current.body.version }, epoch];
          else if (current?.status === 404) planned = null;
        }
        if (pick >= 14 && planned && plannedEpoch === restarts) {
          const entry: Sent = { kind: 'patch', tag, workOrderId: planned.id, acknowledged: false };
          const updated = await write(entry, 'PATCH', `/work-orders/${planned.id}`, {
            notes: tag,
            version: planned.version,
          });
          if (updated) planned = { id: planned.id, version: updated.version };
        } else if (pick >= 14) {
          const epoch = restarts;
          const created = await write(
            { kind: 'planned', tag },
            'POST',
            '/work-orders',
            plannedWorkOrderBody(site, tag),
          );
          if (created) [planned, plannedEpoch] = [{ id: created.id, version: created.version }, epoch];
        } else if (pick < 5) {
          await write({ kind: 'customer', tag }, 'POST', '/customers', customerBody(tag));
        } else if (pick < 9) {
          await write(
            { kind: 'installation', tag },
            'POST',
            '/installations',
            installationBody(site, tag, n),
          );
        } else {
          const { body, activityCount } = executedWorkOrderBody(api, site, tag, n);
          await write({ kind: 'work_order', tag, activityCount }, 'POST', '/work-orders', body);
        }
      }
    };

    const killer = async () => {
      for (const point of killPoints) {
        while (issued < point) await new Promise((r) => setTimeout(r, 5));
        let resume!: () => void;
        up = new Promise((r) => (resume = r));
        inFlightAtKills.push(inFlight);
        await crashAndRestart();
        restarts += 1;
        resume();
      }
    };

    await Promise.all([killer(), ...Array.from({ length: WORKERS }, (_, w) => worker(w))]);
    expect(restarts).toBe(KILLS);
    expect(unexpected, serverOutput()).toEqual([]);

    // Every acknowledged creation is there with its content; no work order is half-written.
    const customers = new Map(
      (await listAll<{ id: string; name: string }>(client, '/customers')).map((c) => [c.id, c.name]),
    );
    const installations = new Map(
      (await listAll<{ id: string; reference: string }>(client, '/installations')).map((i) => [
        i.id,
        i.reference,
      ]),
    );
    const workOrders = await listAll<{ id: string; notes: string; activities: unknown[] }>(
      client,
      '/work-orders',
    );
    const workOrdersById = new Map(workOrders.map((w) => [w.id, w]));
    const lost: string[] = [];
    const halfWritten: string[] = [];
    for (const entry of sent) {
      if (entry.kind === 'customer' && entry.id && customers.get(entry.id) !== `Klant ${entry.tag}`)
        lost.push(entry.tag);
      if (entry.kind === 'installation' && entry.id && installations.get(entry.id) !== entry.tag)
        lost.push(entry.tag);
      if (
        (entry.kind === 'work_order' || entry.kind === 'planned') &&
        entry.id &&
        !workOrdersById.has(entry.id)
      )
        lost.push(entry.tag);
    }
    // By their notes: every executed work order that exists, acknowledged or not, has all its activities.
    const expectedActivities = new Map(
      sent.flatMap((e) => (e.kind === 'work_order' ? [[e.tag, e.activityCount] as const] : [])),
    );
    const seenTags = new Map<string, number>();
    for (const workOrder of workOrders) {
      seenTags.set(workOrder.notes, (seenTags.get(workOrder.notes) ?? 0) + 1);
      const expected = expectedActivities.get(workOrder.notes);
      if (expected !== undefined && workOrder.activities.length !== expected)
        halfWritten.push(`${workOrder.notes}: ${workOrder.activities.length} of ${expected} activities`);
    }
    const duplicates = [...seenTags].filter(([tag, count]) => count > 1 && expectedActivities.has(tag));
    // A planned work order shows its last acknowledged change, or one sent after it whose answer
    // was lost in the crash; never an older one.
    const stalePatches: string[] = [];
    for (const [id, workOrder] of workOrdersById) {
      const patches = sent.filter(
        (e): e is Extract<Sent, { kind: 'patch' }> => e.kind === 'patch' && e.workOrderId === id,
      );
      const lastAcknowledged = patches.findLastIndex((p) => p.acknowledged);
      if (lastAcknowledged < 0) continue;
      const allowed = patches.slice(lastAcknowledged).map((p) => p.tag);
      if (!allowed.includes(workOrder.notes))
        stalePatches.push(`${id}: ${workOrder.notes}, expected one of ${allowed}`);
    }
    expect(lost, 'acknowledged writes missing after the crash').toEqual([]);
    expect(halfWritten, 'work orders without all their activities').toEqual([]);
    expect(duplicates, 'work orders created twice').toEqual([]);
    expect(stalePatches, 'acknowledged changes lost').toEqual([]);

    // The audit chain is intact (checked by an administrator).
    const administrator = await signInDevice(environment, `quality-${DB}-administrator`);
    const verify = await administrator.ok('GET', '/audit-events/verify');
    expect(verify.intact, JSON.stringify(verify)).toBe(true);

    // Straight in the database: cylinders hold what their movements say, forecasts are current.
    const { mismatches, stale } = await withServerDatabase(environment, async (db) => ({
      mismatches: await cylinderBalanceMismatches(db, api.tenantId),
      stale: await staleForecasts(db, api.tenantId),
    }));
    expect(mismatches, 'cylinder content differs from its movements').toEqual([]);
    expect(stale, 'stored forecasts differ from a recompute').toEqual([]);

    // The server (restarted after the check) is healthy and stops cleanly.
    expect((await client.send('GET', '/customers?limit=1')).status).toBe(200);
    const counts = {
      writes: sent.length,
      acknowledged,
      inFlightAtKills,
      byKind: Object.fromEntries(
        ['customer', 'installation', 'work_order', 'planned', 'patch'].map((k) => [
          k,
          sent.filter((e) => e.kind === k).length,
        ]),
      ),
      activitiesChecked: workOrders.reduce((sum, w) => sum + w.activities.length, 0),
    };
    console.log(`crash (${DB}, ${FULL ? 'full' : 'quick'}): ${JSON.stringify(counts)}`);
    expect(await environment.server().stop()).toBe(0);
    await environment.restart();
  });
});
