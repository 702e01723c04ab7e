import type { TenantFixture, TenantIds } from '../../apps/server/src/test-support/tenant-fixture.js';

/**
 * Where tenant references go in each operation of the OpenAPI document, for the cross-tenant attack
 * suite (quality/attack.quality.test.ts). Every operation of the document must have an entry: the
 * suite fails on one that has none, so a new route cannot be forgotten.
 *
 * A slot is one place a reference goes: a path parameter, a query parameter or a spot in the body.
 * The suite fills each slot with either the attacker's own record (tenant B) or the victim's (tenant
 * A), so that every request is a valid request of B's with one or more references swapped for A's.
 */
export type Kind =
  | keyof TenantIds
  /** The tenant's marker: a search term that matches only its records. */
  | 'marker'
  | 'deviceInstallationId'
  | 'portalCode';

export type Ref = (slot: string, kind: Kind) => string;

export type Upload = { contentType: string; payload: string };

export type OperationSpec = {
  /** Path parameter → kind of record, or a fixed value (e.g. a certificate kind). */
  path?: Record<string, Kind | { fixed: string }>;
  /** Query parameters holding references. */
  query?: Record<string, Kind>;
  /** Query parameters the suite may add as they are (formats, views): one of the values is picked. */
  options?: Record<string, string[]>;
  /** Fixed query parameters every request sends. */
  fixedQuery?: Record<string, string>;
  /** The body, with `ref` filling each reference; `own` is the caller's tenant (sign-in data). */
  body?: (ref: Ref, own: TenantFixture) => unknown;
  /** Slots only ever filled with the caller's own value (a code that is itself a credential). */
  ownOnly?: string[];
  upload?: Upload;
  /** A request with only B's own records would destroy B's fixture (delete, revoke, merge …). */
  destructive?: boolean;
  /** Body slots holding ids the client chooses itself (settings templates): echoing them is no leak. */
  echoSlots?: string[];
  /** Why an operation has no slot at all (documented, checked against lists of A's data anyway). */
  note?: string;
};

const pdf: Upload = { contentType: 'application/pdf', payload: '%PDF-1.4\n%%EOF' };
const csv: Upload = { contentType: 'text/csv', payload: 'Naam\nKlant via import\n' };

const workOrderBody = (r: Ref) => ({
  installationIds: [r('body.installationIds[0]', 'installation')],
  executorId: r('body.executorId', 'person'),
  labelIds: [r('body.labelIds[0]', 'workOrderLabel')],
  products: [{ productId: r('body.products[0].productId', 'product'), quantity: 1 }],
  activities: [
    { type: 'leak_check', installationId: r('body.activities[0].installationId', 'installation') },
    {
      type: 'refrigerant_added',
      installationId: r('body.activities[1].installationId', 'installation'),
      refrigerant: 'R-404A',
      quantityKg: 0.5,
      cylinderId: r('body.activities[1].cylinderId', 'cylinder'),
    },
    {
      type: 'refrigerant_recovered',
      installationId: r('body.activities[2].installationId', 'installation'),
      refrigerant: 'R-404A',
      quantityKg: 0.2,
      cylinderId: r('body.activities[2].cylinderId', 'recoveryCylinder'),
    },
  ],
});

const NONE = 'takes no reference to a tenant record';

/** `METHOD /path` as in the OpenAPI document → where references go. */
export const OPERATIONS: Record<string, OperationSpec> = {
  'GET /api/v1/auth/config': { note: 'public configuration' },
  'POST /api/v1/auth/signup': {
    note: 'creates a new tenant; sent without the password so no tenant is created',
    body: () => ({ companyName: 'X', firstName: 'X', lastName: 'X', email: 'x@example.invalid' }),
  },
  'POST /api/v1/auth/login': {
    note: 'sign-in with an unknown login',
    body: () => ({ login: 'nobody@example.invalid', password: 'not-the-password-1' }),
  },
  'POST /api/v1/auth/login/second-factor': { note: NONE, body: () => ({ code: '000000' }) },
  'POST /api/v1/auth/logout': { note: 'ends the caller’s own session (the suite signs in again)' },
  'GET /api/v1/auth/session': { note: 'the caller’s own session' },
  'POST /api/v1/auth/password-reset': { note: NONE, body: () => ({ email: 'nobody@example.invalid' }) },
  'POST /api/v1/auth/password-reset/check': { note: NONE, body: () => ({ token: 'x'.repeat(43) }) },
  'POST /api/v1/auth/password-reset/confirm': {
    note: NONE,
    body: () => ({ token: 'x'.repeat(43), password: 'stille-beek-stroomt-4' }),
  },
  'POST /api/v1/auth/invitations/check': { note: NONE, body: () => ({ token: 'x'.repeat(43) }) },
  'POST /api/v1/auth/invitations/accept': {
    note: NONE,
    body: () => ({ token: 'x'.repeat(43), password: 'stille-beek-stroomt-4' }),
  },
  'POST /api/v1/me/two-factor/setup': { note: 'the caller’s own second factor' },
  'POST /api/v1/me/two-factor/enable': { note: NONE, body: () => ({ code: '000000' }) },
  'POST /api/v1/me/two-factor/disable': { note: NONE, body: () => ({ code: '000000' }) },
  'POST /api/v1/me/two-factor/recovery-codes': { note: NONE, body: () => ({ code: '000000' }) },
  'GET /api/v1/me': { note: 'the caller’s own profile' },
  'PATCH /api/v1/me': { note: NONE, body: () => ({ language: 'nl' }) },
  'POST /api/v1/me/password': {
    note: NONE,
    body: () => ({ currentPassword: 'not-the-password-1', newPassword: 'stille-beek-stroomt-4' }),
  },
  'GET /api/v1/account': { note: 'the caller’s own account' },
  'PATCH /api/v1/account': { note: NONE, body: () => ({}) },
  'GET /api/v1/users': { query: { q: 'marker' }, options: { kind: ['person', 'system'] } },
  'POST /api/v1/users': {
    note: NONE,
    body: () => ({ kind: 'person', firstName: 'Nieuw', lastName: 'Lid', roles: ['technician'] }),
  },
  'GET /api/v1/users/{id}': { path: { id: 'person' } },
  'PATCH /api/v1/users/{id}': { path: { id: 'person' }, body: () => ({ firstName: 'Overgenomen' }) },
  'POST /api/v1/users/{id}/invitation': { path: { id: 'person' }, destructive: true },
  'POST /api/v1/users/{id}/deactivate': { path: { id: 'person' }, destructive: true },
  'POST /api/v1/users/{id}/reactivate': { path: { id: 'person' }, destructive: true },
  'GET /api/v1/users/{id}/api-keys': { path: { id: 'systemUser' } },
  'POST /api/v1/users/{id}/api-keys': { path: { id: 'systemUser' }, body: () => ({ name: 'Gestolen' }) },
  'DELETE /api/v1/users/{id}/api-keys/{keyId}': {
    path: { id: 'systemUser', keyId: 'apiKey' },
    destructive: true,
  },
  'GET /api/v1/audit-events': {
    query: { actorId: 'admin', entityId: 'customer' },
    options: { format: ['json', 'xlsx'], action: ['customer.*', 'installation.*'] },
  },
  'GET /api/v1/audit-events/actions': { note: 'the catalogue of audit actions' },
  'GET /api/v1/audit-events/verify': { note: 'verifies the caller’s own audit chain' },
  'GET /api/v1/labels': { options: { scope: ['customer', 'location', 'installation', 'work_order'] } },
  'POST /api/v1/labels': { note: NONE, body: () => ({ scope: 'customer', name: 'Nieuw label' }) },
  'GET /api/v1/labels/{id}': { path: { id: 'customerLabel' } },
  'PATCH /api/v1/labels/{id}': { path: { id: 'customerLabel' }, body: () => ({ name: 'Overgenomen' }) },
  'DELETE /api/v1/labels/{id}': { path: { id: 'customerLabel' }, destructive: true },
  'GET /api/v1/customers': {
    query: { q: 'marker', labelId: 'customerLabel' },
    options: { format: ['json', 'xlsx'], sort: ['name', '-createdAt'] },
  },
  'POST /api/v1/customers': {
    body: (r) => ({ name: 'Nieuwe klant', labelIds: [r('body.labelIds[0]', 'customerLabel')] }),
  },
  'GET /api/v1/customers/{id}': { path: { id: 'customer' } },
  'PATCH /api/v1/customers/{id}': {
    path: { id: 'customer' },
    body: (r) => ({ name: 'Overgenomen', labelIds: [r('body.labelIds[0]', 'customerLabel')] }),
  },
  'DELETE /api/v1/customers/{id}': { path: { id: 'customer' }, destructive: true },
  'POST /api/v1/customers/{id}/merge': {
    path: { id: 'customer' },
    body: (r) => ({ duplicateId: r('body.duplicateId', 'customer2') }),
    destructive: true,
  },
  'GET /api/v1/locations': {
    query: { customerId: 'customer', labelId: 'locationLabel', q: 'marker' },
    options: { format: ['json', 'xlsx'] },
  },
  'POST /api/v1/locations': {
    body: (r) => ({
      customerId: r('body.customerId', 'customer'),
      street: 'Kerkstraat',
      number: '2',
      postcode: '2000',
      city: 'Antwerpen',
      labelIds: [r('body.labelIds[0]', 'locationLabel')],
    }),
  },
  'GET /api/v1/locations/{id}': { path: { id: 'location' } },
  'PATCH /api/v1/locations/{id}': {
    path: { id: 'location' },
    body: (r) => ({
      customerId: r('body.customerId', 'customer'),
      labelIds: [r('body.labelIds[0]', 'locationLabel')],
    }),
  },
  'DELETE /api/v1/locations/{id}': { path: { id: 'location' }, destructive: true },
  'GET /api/v1/buildings': { query: { locationId: 'location', customerId: 'customer' } },
  'POST /api/v1/buildings': {
    body: (r) => ({ locationId: r('body.locationId', 'location'), name: 'Hal B' }),
  },
  'GET /api/v1/buildings/{id}': { path: { id: 'building' } },
  'PATCH /api/v1/buildings/{id}': { path: { id: 'building' }, body: () => ({ name: 'Overgenomen' }) },
  'DELETE /api/v1/buildings/{id}': { path: { id: 'building' }, destructive: true },
  'GET /api/v1/installations/{id}/attachments/{attachmentId}': {
    path: { id: 'installation', attachmentId: 'attachment' },
    options: { inline: ['true', 'false'] },
  },
  'DELETE /api/v1/installations/{id}/attachments/{attachmentId}': {
    path: { id: 'installation', attachmentId: 'attachment' },
    destructive: true,
  },
  'GET /api/v1/installations': {
    query: {
      customerId: 'customer',
      locationId: 'location',
      buildingId: 'building',
      labelId: 'installationLabel',
      q: 'marker',
    },
    options: { format: ['json', 'xlsx'], archived: ['all'] },
  },
  'POST /api/v1/installations': {
    body: (r) => ({
      locationId: r('body.locationId', 'location'),
      buildingId: r('body.buildingId', 'building'),
      kind: 'air_conditioning',
      labelIds: [r('body.labelIds[0]', 'installationLabel')],
    }),
  },
  'GET /api/v1/installations/by-token/{token}': { path: { token: 'installationToken' } },
  'GET /api/v1/installations/{id}': { path: { id: 'installation' } },
  'PATCH /api/v1/installations/{id}': {
    path: { id: 'installation' },
    body: (r) => ({
      buildingId: r('body.buildingId', 'building'),
      labelIds: [r('body.labelIds[0]', 'installationLabel')],
    }),
  },
  'DELETE /api/v1/installations/{id}': { path: { id: 'installation' }, destructive: true },
  'POST /api/v1/installations/{id}/archive': { path: { id: 'installation' }, destructive: true },
  'POST /api/v1/installations/{id}/unarchive': { path: { id: 'installation' }, destructive: true },
  'POST /api/v1/installations/{id}/components': {
    path: { id: 'installation' },
    body: () => ({ kind: 'compressor' }),
  },
  'PUT /api/v1/installations/{id}/components/{componentId}': {
    path: { id: 'installation', componentId: 'component' },
    body: () => ({ kind: 'condenser' }),
  },
  'DELETE /api/v1/installations/{id}/components/{componentId}': {
    path: { id: 'installation', componentId: 'component' },
    destructive: true,
  },
  'GET /api/v1/refrigerants': { note: 'the refrigerant catalogue' },
  'GET /api/v1/products': { options: { archived: ['true', 'false'] } },
  'POST /api/v1/products': { note: NONE, body: () => ({ name: 'Nieuw onderdeel' }) },
  'GET /api/v1/products/{id}': { path: { id: 'product' } },
  'PATCH /api/v1/products/{id}': { path: { id: 'product' }, body: () => ({ name: 'Overgenomen' }) },
  'GET /api/v1/cylinders': { options: { archived: ['true', 'false'], kind: ['supply', 'recovery'] } },
  'POST /api/v1/cylinders': {
    note: NONE,
    body: () => ({ kind: 'supply', refrigerant: 'R-32', capacityKg: 10, contentKg: 5 }),
  },
  'GET /api/v1/cylinders/{id}': { path: { id: 'cylinder' } },
  'PATCH /api/v1/cylinders/{id}': { path: { id: 'cylinder' }, body: () => ({ notes: 'Overgenomen' }) },
  'GET /api/v1/work-orders': {
    query: {
      installationId: 'installation',
      customerId: 'customer',
      locationId: 'location',
      executorId: 'person',
      labelId: 'workOrderLabel',
    },
    options: { format: ['json', 'xlsx'] },
  },
  'POST /api/v1/work-orders': { body: workOrderBody },
  'GET /api/v1/work-orders/{id}': { path: { id: 'workOrder' } },
  'PATCH /api/v1/work-orders/{id}': { path: { id: 'workOrder' }, body: workOrderBody },
  'DELETE /api/v1/work-orders/{id}': { path: { id: 'workOrder' }, destructive: true },
  'GET /api/v1/installations/{id}/logbook': {
    path: { id: 'installation' },
    options: { filter: ['all', 'executed'] },
  },
  'GET /api/v1/settings': { note: 'the caller’s own settings' },
  'PATCH /api/v1/settings': {
    body: (r) => ({
      emailTemplates: [
        {
          id: r('body.emailTemplates[0].id', 'emailTemplate'),
          language: 'nl',
          name: 'S',
          subject: 'O',
          body: 'T',
        },
      ],
    }),
    echoSlots: ['body.emailTemplates[0].id'],
  },
  'GET /api/v1/reports/incomplete-installations': {
    query: { customerId: 'customer', locationId: 'location' },
    options: { format: ['json', 'xlsx'] },
  },
  'GET /api/v1/reports/refrigerant-balance': { options: { format: ['json', 'xlsx'] } },
  'GET /api/v1/forecasts': {
    query: { customerId: 'customer', locationId: 'location' },
    options: { view: ['all', 'overdue', 'unknown'], format: ['json', 'xlsx'] },
  },
  'GET /api/v1/forecasts/summary': { note: 'the caller’s own counts' },
  'POST /api/v1/forecasts/schedule': {
    body: (r) => ({
      installationId: r('body.installationId', 'installation'),
      type: 'leak_check',
      plannedOn: '2030-01-15',
      executorId: r('body.executorId', 'person'),
    }),
  },
  'GET /api/v1/imports/{id}': { path: { id: 'import' } },
  'PATCH /api/v1/imports/{id}': { path: { id: 'import' }, body: () => ({ mapping: { name: 0 } }) },
  'POST /api/v1/imports/{id}/start': { path: { id: 'import' }, destructive: true },
  'GET /api/v1/work-orders/{id}/document': {
    path: { id: 'executedWorkOrder' },
    options: { lang: ['nl', 'en'] },
  },
  'GET /api/v1/work-orders/{id}/certificates/{kind}': {
    path: { id: 'executedWorkOrder', kind: { fixed: 'leak_check' } },
    query: { installationId: 'installation' },
  },
  'GET /api/v1/installations/{id}/instruction-card': { path: { id: 'installation' } },
  'GET /api/v1/installations/{id}/logbook/export': {
    path: { id: 'installation' },
    options: { format: ['pdf', 'xlsx'] },
  },
  'POST /api/v1/work-orders/{id}/send': {
    path: { id: 'workOrder' },
    body: (r) => ({ to: ['klant@example.be'], templateId: r('body.templateId', 'emailTemplate') }),
  },
  'GET /api/v1/work-orders/{id}/sends': { path: { id: 'executedWorkOrder' } },
  'GET /api/v1/logbook-verifications/{digest}': {
    path: { digest: { fixed: 'a'.repeat(64) } },
    note: 'public by design: says only whether a presented digest is authentic',
  },
  'POST /api/v1/customers/{id}/portal-code': {
    path: { id: 'customer' },
    destructive: true,
    body: () => ({}),
  },
  'DELETE /api/v1/customers/{id}/portal-code': { path: { id: 'customer' }, destructive: true },
  'GET /api/v1/customers/{id}/portal': { path: { id: 'customer' } },
  'POST /api/v1/locations/{id}/portal-code': {
    path: { id: 'location' },
    destructive: true,
    body: () => ({}),
  },
  'DELETE /api/v1/locations/{id}/portal-code': { path: { id: 'location' }, destructive: true },
  'GET /api/v1/locations/{id}/portal': { path: { id: 'location' } },
  'POST /api/v1/portal/session': {
    // B's own code with A's installation token: the token must not open anything of A's.
    body: (r) => ({ code: r('body.code', 'portalCode'), token: r('body.token', 'installationToken') }),
    ownOnly: ['body.code'],
  },
  'GET /api/v1/portal/session': { note: 'the caller’s own portal session' },
  'POST /api/v1/portal/logout': { note: 'ends the caller’s own portal session (the suite opens another)' },
  'GET /api/v1/portal/installations': { note: 'what the caller’s own code grants' },
  'GET /api/v1/portal/installations/{id}/logbook': { path: { id: 'installation' } },
  'GET /api/v1/portal/work-orders/{id}/document': { path: { id: 'executedWorkOrder' } },
  'GET /api/v1/portal/work-orders/{id}/certificates/{kind}': {
    path: { id: 'executedWorkOrder', kind: { fixed: 'leak_check' } },
    query: { installationId: 'installation' },
  },
  'GET /api/v1/portal/installations/{id}/logbook/export': {
    path: { id: 'installation' },
    options: { format: ['pdf', 'xlsx'] },
  },
  'GET /api/v1/portal/consultations': { note: 'the caller’s own consultations' },
  'POST /api/v1/auth/tokens': {
    // B's administrator signs in a device that claims A's device installation ID.
    body: (r, own) => ({
      login: own.email,
      password: own.password,
      installationId: r('body.installationId', 'deviceInstallationId'),
      deviceName: 'Tablet',
    }),
  },
  'POST /api/v1/auth/tokens/refresh': { note: NONE, body: () => ({ refreshToken: 'x'.repeat(43) }) },
  'GET /api/v1/devices': { query: { userId: 'admin' } },
  'DELETE /api/v1/devices/{id}': { path: { id: 'device' }, destructive: true },
  'POST /api/v1/installations/{id}/attachments': {
    path: { id: 'installation' },
    fixedQuery: { filename: 'plan.pdf' },
    upload: pdf,
  },
  'POST /api/v1/imports': {
    note: 'an upload of B’s own file',
    fixedQuery: { kind: 'customers', filename: 'klanten.csv' },
    upload: csv,
  },
};

/** The value of a slot for one tenant. */
export function valueOf(tenant: TenantFixture, kind: Kind): string {
  if (kind === 'marker') return tenant.marker;
  if (kind === 'deviceInstallationId') return tenant.deviceInstallationId;
  if (kind === 'portalCode') return tenant.secrets.portalCode;
  return tenant.ids[kind];
}

/** The slots of an operation, in a stable order. */
export function slotsOf(spec: OperationSpec, own: TenantFixture): Array<{ slot: string; kind: Kind }> {
  const slots: Array<{ slot: string; kind: Kind }> = [];
  for (const [name, kind] of Object.entries(spec.path ?? {}))
    if (typeof kind === 'string') slots.push({ slot: `path.${name}`, kind });
  for (const [name, kind] of Object.entries(spec.query ?? {})) slots.push({ slot: `query.${name}`, kind });
  spec.body?.((slot, kind) => {
    slots.push({ slot, kind });
    return valueOf(own, kind);
  }, own);
  return slots.filter((s) => !spec.ownOnly?.includes(s.slot));
}
