import { co2eTonnes } from '@climalog/compliance';
import type {
  ActivityLine,
  Company,
  InstallationSummary,
  Lang,
  Party,
  WorkOrderDocument,
} from '@climalog/pdf';
import type { Queryable } from '../../db/database.js';
import { notFound } from '../../http/errors.js';
import { formatEnterpriseNumber } from '../../security/enterprise-number.js';
import type { InstallationRow } from '../installations/installations.repository.js';
import { readSettings } from '../settings/settings.service.js';
import type { ActivityView } from '../work-orders/activities.schemas.js';
import { presentWorkOrders } from '../work-orders/work-orders.service.js';
import { findWorkOrder } from '../work-orders/work-orders.repository.js';
import type { ServiceContext } from '../../context.js';

/** The company block of every document: from the settings, the logo as bytes. */
export async function companyOf(tx: Queryable, tenantId: string): Promise<Company> {
  const s = await readSettings(tx, tenantId);
  const address = [
    [s.street, s.number, s.box ? `bus ${s.box}` : ''].filter(Boolean).join(' '),
    [s.postcode, s.city].filter(Boolean).join(' '),
  ].filter(Boolean);
  return {
    name: s.companyName,
    addressLines: address,
    phone: s.phone,
    email: s.email,
    website: s.website,
    enterpriseNumber: s.enterpriseNumber,
    vatNumber: s.vatNumber,
    certificates: s.certificates.map((c) => ({ kind: c.kind, number: c.number })),
    logo: s.logo ? Buffer.from(s.logo.slice(s.logo.indexOf(',') + 1), 'base64') : null,
    footer: s.documentOptions.footer,
  };
}

type LocationRow = {
  id: string;
  name: string;
  street: string;
  number: string;
  box: string;
  postcode: string;
  city: string;
  country: string;
};

const addressOf = (l: LocationRow) =>
  [
    [l.street, l.number, l.box].filter(Boolean).join(' '),
    [l.postcode, l.city].filter(Boolean).join(' '),
    l.country !== 'BE' ? l.country : '',
  ].filter(Boolean);

export async function customerParty(
  tx: Queryable,
  tenantId: string,
  customerId: string,
  locationId: string | null,
): Promise<Party & { language: Lang }> {
  const [c] = await tx.query<{
    name: string;
    customer_number: string | null;
    enterprise_number: string | null;
    vat_number: string | null;
    language: Lang;
  }>(
    'select name, customer_number, enterprise_number, vat_number, language from customers where tenant_id = $1 and id = $2',
    [tenantId, customerId],
  );
  if (!c) throw notFound('Customer');
  const [location] = locationId
    ? await tx.query<LocationRow>('select * from locations where tenant_id = $1 and id = $2', [
        tenantId,
        locationId,
      ])
    : [];
  return {
    name: c.name,
    addressLines: location ? addressOf(location) : [],
    customerNumber: c.customer_number,
    enterpriseNumber: c.enterprise_number ? formatEnterpriseNumber(c.enterprise_number) : null,
    vatNumber: c.vat_number,
    language: c.language,
  };
}

/** Installations as documents describe them, with their location and building. */
export async function installationSummaries(
  tx: Queryable,
  tenantId: string,
  ids: readonly string[],
  onDate: string,
): Promise<Map<string, InstallationSummary & { locationId: string }>> {
  const rows = await tx.query<
    InstallationRow & {
      l_name: string;
      street: string;
      number: string;
      box: string;
      postcode: string;
      city: string;
      country: string;
      b_name: string;
      b_default: boolean;
    }
  >(
    `select i.*, '' as customer_name, l.name as l_name, l.street, l.number, l.box, l.postcode, l.city, l.country, b.name as b_name, b.is_default as b_default
       from installations i
       join locations l on l.tenant_id = i.tenant_id and l.id = i.location_id
       join buildings b on b.tenant_id = i.tenant_id and b.id = i.building_id
      where i.tenant_id = $1 and i.id = any($2::uuid[])`,
    [tenantId, ids],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        locationId: r.location_id,
        reference: r.reference,
        kind: r.kind,
        brand: r.brand,
        model: r.model,
        serialNumber: r.serial_number,
        refrigerant: r.refrigerant,
        chargeKg: r.charge_kg,
        co2eTonnes:
          r.refrigerant && r.charge_kg !== null ? co2eTonnes(r.refrigerant, r.charge_kg, onDate) : null,
        hermeticallySealed: r.hermetically_sealed,
        leakDetectionSystem: r.leak_detection_system,
        coolingCapacityKw: r.cooling_capacity_kw,
        heatingFuel: r.heating_fuel,
        heatingCapacityKw: r.heating_capacity_kw,
        commissionedOn: r.commissioned_on,
        token: r.token,
        location: [
          r.l_name,
          addressOf({
            id: '',
            name: r.l_name,
            street: r.street,
            number: r.number,
            box: r.box,
            postcode: r.postcode,
            city: r.city,
            country: r.country,
          }).join(', '),
        ]
          .filter(Boolean)
          .join(' — '),
        building: r.b_default ? null : r.b_name,
      },
    ]),
  );
}

/** An activity as a document line, quantities with their CO2 equivalent on the day of the work. */
export function activityLine(
  a: ActivityView,
  installationLabel: string,
  cylinderLabel: string | null,
  onDate: string,
): ActivityLine {
  const details = a.details as Record<string, unknown>;
  const text = (key: string) => (typeof details[key] === 'string' ? (details[key] as string) : null);
  return {
    installation: installationLabel,
    type: a.type,
    result: a.result,
    method: text('method'),
    leakLocation: text('leakLocation'),
    refrigerant: a.refrigerant,
    quantityKg: a.quantityKg,
    co2eTonnes:
      a.refrigerant && a.quantityKg !== null ? co2eTonnes(a.refrigerant, a.quantityKg, onDate) : null,
    cylinder: cylinderLabel,
    recycled: typeof details.recycled === 'boolean' ? details.recycled : null,
    description: text('description'),
    measurements: Array.isArray(details.measurements)
      ? (details.measurements as ActivityLine['measurements'])
      : [],
    cleaned: typeof details.cleaned === 'boolean' ? details.cleaned : null,
    combustion: (details.combustion as ActivityLine['combustion']) ?? null,
    notes: text('notes'),
  };
}

export async function cylinderLabels(
  tx: Queryable,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.query<{
    id: string;
    serial_number: string;
    refrigerant: string | null;
    kind: string;
  }>(
    'select id, serial_number, refrigerant, kind from cylinders where tenant_id = $1 and id = any($2::uuid[])',
    [tenantId, ids],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      [r.serial_number || r.kind, r.refrigerant ? `(${r.refrigerant})` : ''].filter(Boolean).join(' '),
    ]),
  );
}

export async function executorOf(tx: Queryable, tenantId: string, userId: string | null) {
  if (!userId) return null;
  const [u] = await tx.query<{ first_name: string; last_name: string; certificate_number: string | null }>(
    'select first_name, last_name, certificate_number from users where tenant_id = $1 and id = $2',
    [tenantId, userId],
  );
  return u
    ? { name: `${u.first_name} ${u.last_name}`.trim(), certificateNumber: u.certificate_number }
    : null;
}

/** Everything the work order document prints, in the requested language (default the customer's). */
export async function workOrderDocument(
  tx: Queryable,
  ctx: ServiceContext,
  id: string,
  lang: Lang | undefined,
  now: Date,
): Promise<WorkOrderDocument> {
  const row = await findWorkOrder(tx, ctx.tenantId, id);
  if (!row) throw notFound('Work order');
  const [view] = await presentWorkOrders(tx, ctx, [row]);
  const w = view!;
  const onDate = w.executedOn ?? w.plannedOn ?? now.toISOString().slice(0, 10);
  const installations = await installationSummaries(tx, ctx.tenantId, w.installationIds, onDate);
  const first = installations.get(w.installationIds[0] ?? '');
  const customer = await customerParty(tx, ctx.tenantId, w.customerId, first?.locationId ?? null);
  const cylinders = await cylinderLabels(
    tx,
    ctx.tenantId,
    w.activities.flatMap((a) => (a.cylinderId ? [a.cylinderId] : [])),
  );
  const printedLabels = await tx.query<{ name: string }>(
    `select l.name from label_assignments a join labels l on l.tenant_id = a.tenant_id and l.id = a.label_id
      where a.tenant_id = $1 and a.entity_id = $2 and l.print_on_work_order order by lower(l.name)`,
    [ctx.tenantId, id],
  );
  const settings = await readSettings(tx, ctx.tenantId);
  const signatures = await tx.query<{
    role: 'customer' | 'technician';
    signer_name: string;
    image: string;
    signed_at: Date;
  }>(
    'select role, signer_name, image, signed_at from work_order_signatures where tenant_id = $1 and work_order_id = $2 order by role',
    [ctx.tenantId, id],
  );
  const executor = await executorOf(tx, ctx.tenantId, w.executorId);
  return {
    lang: lang ?? customer.language,
    company: await companyOf(tx, ctx.tenantId),
    customer,
    number: w.number,
    status: w.status,
    plannedOn: w.plannedOn,
    executedOn: w.executedOn,
    executor:
      executor && !settings.documentOptions.showTechnicianCertificate ? { name: executor.name } : executor,
    installations: w.installationIds.flatMap((i) => {
      const s = installations.get(i);
      return s ? [s] : [];
    }),
    activities: w.activities.map((a) => {
      const inst = installations.get(a.installationId);
      return activityLine(
        a,
        inst ? inst.reference || inst.token : '',
        a.cylinderId ? (cylinders.get(a.cylinderId) ?? null) : null,
        onDate,
      );
    }),
    notes: w.notes,
    labels: printedLabels.map((l) => l.name),
    products: w.products.map((p) => ({ name: p.name, quantity: p.quantity, unit: p.unit })),
    signatures: settings.documentOptions.showSignatures
      ? signatures.map((s) => ({
          role: s.role,
          signerName: s.signer_name,
          image: Buffer.from(s.image.slice(s.image.indexOf(',') + 1), 'base64'),
          signedAt: s.signed_at.toISOString(),
        }))
      : [],
    generatedAt: now.toISOString(),
  };
}
