/**
 * A stand-in for the Climalog API as the field app's sync sees it, for unit tests: it answers the
 * stubbed `fetch` from memory. Like the real server (apps/server/openapi.json) it keeps row versions
 * on work orders (a PATCH made on an older one is a 409 version_conflict), stores and replays a POST
 * by its Idempotency-Key, refuses an activity whose refrigerant is not the installation's (422
 * problem+json naming `activities.N.refrigerant`), and once the device is revoked takes neither its
 * access token (401 invalid_token) nor its refresh token (401 refresh_invalid or refresh_reused).
 */
import { loadSession, type FieldUser } from '../api/auth';
import type { FieldProblem } from '../../api/problem';
import type { Attachment } from '../../api/site-types';
import type { Activity, WorkOrder } from '../../api/work-types';
import { db, setKv } from '../data/db';
import type { ActivityInput } from '../data/model';

export const TECHNICIAN: FieldUser = {
  id: '6f1c1a52-3d55-4d8e-9a55-0d6f3b1f0a01',
  name: 'Jonas Maes',
  email: 'jonas@koeltechniek.example',
  language: 'nl',
  roles: ['technician'],
};

export type RecordedRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
};

/** A request that does not arrive, or whose answer does not (the server did the work). */
type Fault = { method: string; path: RegExp; when: 'request' | 'answer' };
/** Something the technician does on the device while a request is on its way. */
type Meanwhile = { method: string; path: RegExp; action: () => Promise<void> };

type Stored = { hash: string; answer: Answer };

let counter = 0;
const uuid = (prefix: number) =>
  `00000000-0000-4000-8000-${String(prefix).padStart(4, '0')}${String(++counter).padStart(8, '0')}`;

function workOrderOnServer(change: Partial<WorkOrder> = {}): WorkOrder {
  return {
    id: uuid(1),
    number: 1000 + counter,
    customerId: '00000000-0000-4000-8000-00000000c001',
    customerName: 'Bakkerij Peeters',
    status: 'to_be_executed',
    plannedOn: '2026-03-02',
    executedOn: null,
    executorId: TECHNICIAN.id,
    executorName: TECHNICIAN.name,
    notes: '',
    installationIds: [],
    activities: [],
    labels: [],
    products: [],
    signatures: [],
    version: 1,
    createdAt: '2026-03-01T08:00:00.000Z',
    updatedAt: '2026-03-01T08:00:00.000Z',
    createdBy: null,
    abilities: { update: true, delete: false },
    ...change,
  };
}

/** An answer of the fake server, before it becomes a Response. */
type Answer = { status: number; body: unknown };

const ok = (status: number, body: unknown): Answer => ({ status, body });

function problem(
  status: number,
  detail: string,
  extra: { reason?: string; errors?: FieldProblem[]; currentVersion?: number } = {},
): Answer {
  const title = { 401: 'Not signed in', 404: 'Not found', 409: 'Conflict', 422: 'Invalid input' }[
    status as 401 | 404 | 409 | 422
  ];
  return {
    status,
    body: { type: 'about:blank', title, status, detail, requestId: `req-${++counter}`, ...extra },
  };
}

const responseOf = ({ status, body }: Answer) =>
  new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json',
    },
  });

class Refusal {
  constructor(readonly answer: Answer) {}
}

export class FakeApi {
  readonly requests: RecordedRequest[] = [];
  readonly workOrders = new Map<string, WorkOrder>();
  /** What each installation contains: an activity with another refrigerant is refused. */
  readonly refrigerants = new Map<string, string>();
  readonly attachments = new Map<string, Attachment[]>();
  /** How often the server did the work of a POST (a replayed answer does not count). */
  executed = 0;
  /** Set by revoke(): the reason the refresh is refused with. */
  private revokedWith: 'refresh_invalid' | 'refresh_reused' | null = null;
  private readonly faults: Fault[] = [];
  private readonly meanwhile: Meanwhile[] = [];
  private readonly idempotency = new Map<string, Stored>();
  private accessToken = 'cla_first';
  private refreshToken = 'clr_first';

  /** The device signed in, as loadSession() finds it on the device. */
  async signInDevice(user: FieldUser = TECHNICIAN): Promise<void> {
    await setKv('session', {
      accessToken: this.accessToken,
      refreshToken: this.refreshToken,
      accessExpiresAt: Date.now() + 15 * 60_000,
      deviceId: '00000000-0000-4000-8000-0000000d0001',
      deviceName: 'Chrome – Android',
      user,
    });
    await loadSession();
  }

  /** A work order assigned to the technician, on the server and downloaded to the device. */
  async assign(change: Partial<WorkOrder> = {}): Promise<WorkOrder> {
    const workOrder = workOrderOnServer(change);
    this.workOrders.set(workOrder.id, workOrder);
    await db.workOrders.put({
      id: workOrder.id,
      server: workOrder,
      customerId: workOrder.customerId,
      customerName: workOrder.customerName,
      draft: null,
    });
    return workOrder;
  }

  /** Someone in the office changes a work order: its version goes up. */
  officeChanges(id: string, change: Partial<WorkOrder>): WorkOrder {
    const current = this.workOrders.get(id)!;
    const next = { ...current, ...change, version: current.version + 1 };
    this.workOrders.set(id, next);
    return next;
  }

  /** An administrator revokes the device: its tokens stop working. */
  revoke(reason: 'refresh_invalid' | 'refresh_reused' = 'refresh_invalid') {
    this.revokedWith = reason;
  }

  /** The next matching request fails in the network, before or after the server handled it. */
  dropNext(method: string, path: RegExp, when: 'request' | 'answer') {
    this.faults.push({ method, path, when });
  }

  /** Runs `action` when the next matching request is on its way (before it arrives). */
  whileSending(method: string, path: RegExp, action: () => Promise<void>) {
    this.meanwhile.push({ method, path, action });
  }

  calls(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  readonly fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), 'https://climalog.example');
    const method = init.method ?? 'GET';
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body =
      typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : (init.body ?? undefined);
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const request = { method, path, query: url.searchParams, headers, body };
    this.requests.push(request);
    const duringAt = this.meanwhile.findIndex((m) => m.method === method && m.path.test(path));
    if (duringAt >= 0) await this.meanwhile.splice(duringAt, 1)[0]!.action();
    const faultAt = this.faults.findIndex((f) => f.method === method && f.path.test(path));
    const fault = faultAt >= 0 ? this.faults.splice(faultAt, 1)[0] : undefined;
    if (fault?.when === 'request') throw new TypeError('Failed to fetch');
    let answer: Answer;
    try {
      answer = this.handle(request);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      answer = error.answer;
    }
    if (fault?.when === 'answer') throw new TypeError('Failed to fetch');
    return responseOf(answer);
  };

  private handle({ method, path, query, headers, body }: RecordedRequest): Answer {
    if (method === 'POST' && path === '/auth/tokens') return this.issue();
    if (method === 'POST' && path === '/auth/tokens/refresh') return this.refresh(body);
    if (this.revokedWith || headers.authorization !== `Bearer ${this.accessToken}`)
      return problem(401, 'The API key or access token is not valid, has expired or was revoked.', {
        reason: 'invalid_token',
      });

    let match: RegExpExecArray | null;
    if (method === 'GET' && path === '/me') return ok(200, TECHNICIAN);
    if (method === 'GET' && path === '/work-orders') {
      const status = query.get('status');
      const items = [...this.workOrders.values()].filter((w) => !status || w.status === status);
      return ok(200, { items, nextCursor: null });
    }
    if (method === 'POST' && path === '/work-orders')
      return this.idempotent(headers, `${method} ${path} ${JSON.stringify(body)}`, () =>
        this.create(body as WorkOrderBody),
      );
    if ((match = /^\/work-orders\/([^/]+)$/.exec(path))) {
      const current = this.workOrders.get(match[1]!);
      if (!current) return problem(404, 'Work order not found.');
      if (method === 'GET') return ok(200, current);
      if (method === 'PATCH') return this.update(current, body as WorkOrderBody);
    }
    if ((match = /^\/installations\/([^/]+)\/attachments$/.exec(path)) && method === 'POST') {
      const installationId = match[1]!;
      const size = body instanceof Blob ? body.size : 0;
      return this.idempotent(headers, `${method} ${path} ${size}`, () => {
        const attachment: Attachment = {
          id: uuid(3),
          filename: query.get('filename') ?? 'photo.jpg',
          contentType: headers['content-type'] ?? 'image/jpeg',
          sizeBytes: size,
          width: null,
          height: null,
          createdAt: new Date().toISOString(),
          createdBy: TECHNICIAN.id,
        };
        this.attachments.set(installationId, [...(this.attachments.get(installationId) ?? []), attachment]);
        return ok(201, attachment);
      });
    }
    if (method === 'GET' && (path === '/cylinders' || path === '/refrigerants'))
      return ok(200, { items: [] });
    if (method === 'GET' && path === '/settings')
      return ok(200, { companyName: 'Koeltechniek Maes', noteTemplates: [] });
    return problem(404, `Not found (the fake API has no ${method} ${path}).`);
  }

  /** A sign-in with the password (always right here): a new device, new tokens. */
  private issue(): Answer {
    this.revokedWith = null;
    return this.nextPair();
  }

  private refresh(body: unknown): Answer {
    const { refreshToken } = body as { refreshToken: string };
    if (this.revokedWith === 'refresh_reused')
      return problem(401, 'This sign-in was ended: sign in again.', { reason: 'refresh_reused' });
    if (this.revokedWith || refreshToken !== this.refreshToken)
      return problem(401, 'Sign in again.', { reason: 'refresh_invalid' });
    return this.nextPair();
  }

  private nextPair(): Answer {
    this.accessToken = `cla_${++counter}`;
    this.refreshToken = `clr_${counter}`;
    return ok(200, {
      accessToken: this.accessToken,
      refreshToken: this.refreshToken,
      expiresIn: 900,
      deviceId: '00000000-0000-4000-8000-0000000d0001',
    });
  }

  /**
   * Every POST takes an Idempotency-Key: the first answer is stored and replayed for the same
   * request; a refused one did nothing, so its key is free again.
   */
  private idempotent(headers: Record<string, string>, hash: string, run: () => Answer): Answer {
    const key = headers['idempotency-key'];
    const stored = key === undefined ? undefined : this.idempotency.get(key);
    if (stored && stored.hash !== hash)
      return problem(422, 'This Idempotency-Key was used for a different request.', {
        reason: 'idempotency_mismatch',
      });
    if (stored) return stored.answer;
    const answer = run();
    if (answer.status < 400) {
      this.executed += 1;
      if (key !== undefined) this.idempotency.set(key, { hash, answer });
    }
    return answer;
  }

  private create(body: WorkOrderBody): Answer {
    const installationIds = body.installationIds ?? [];
    const workOrder = workOrderOnServer({
      status: body.status ?? 'to_be_executed',
      plannedOn: body.plannedOn ?? null,
      executedOn: body.executedOn ?? null,
      notes: body.notes ?? '',
      installationIds,
      activities: this.activitiesOf(body.activities ?? [], installationIds),
      signatures: body.signatures ?? [],
    });
    this.workOrders.set(workOrder.id, workOrder);
    return ok(201, workOrder);
  }

  private update(current: WorkOrder, body: WorkOrderBody): Answer {
    if (body.version !== undefined && body.version !== current.version)
      return problem(
        409,
        `Someone changed this work order meanwhile (version ${current.version}, you had ${body.version}). Reload and apply your change again.`,
        { reason: 'version_conflict', currentVersion: current.version },
      );
    const { version: _version, activities, ...fields } = body;
    const installationIds = fields.installationIds ?? current.installationIds;
    const next: WorkOrder = {
      ...current,
      ...fields,
      ...(activities ? { activities: this.activitiesOf(activities, installationIds) } : {}),
      version: current.version + 1,
      updatedAt: new Date().toISOString(),
    };
    this.workOrders.set(next.id, next);
    return ok(200, next);
  }

  /** The activities as stored, or a 422 naming each field the server refuses. */
  private activitiesOf(inputs: ActivityInput[], installationIds: string[]): Activity[] {
    const errors: FieldProblem[] = [];
    inputs.forEach((activity, i) => {
      const contains = this.refrigerants.get(activity.installationId);
      if (!installationIds.includes(activity.installationId))
        errors.push({
          field: `activities.${i}.installationId`,
          message: 'The activity must be on one of the work order’s installations.',
          code: 'not_in_work_order',
        });
      else if (activity.refrigerant && contains && activity.refrigerant !== contains)
        errors.push({
          field: `activities.${i}.refrigerant`,
          message: `The installation contains ${contains}, not ${activity.refrigerant}.`,
          code: 'refrigerant_mismatch',
        });
    });
    if (errors.length) throw new Refusal(problem(422, 'Some activities are not valid.', { errors }));
    return inputs.map(
      ({ installationId, type, result, refrigerant, quantityKg, cylinderId, ...details }) => ({
        id: uuid(2),
        installationId,
        type,
        result: result ?? null,
        refrigerant: refrigerant ?? null,
        quantityKg: quantityKg ?? null,
        cylinderId: cylinderId ?? null,
        details,
      }),
    );
  }
}

type WorkOrderBody = Partial<
  Pick<WorkOrder, 'status' | 'plannedOn' | 'executedOn' | 'notes' | 'installationIds' | 'signatures'>
> & { version?: number; activities?: ActivityInput[] };
