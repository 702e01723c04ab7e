import { z } from 'zod';
import { installationView } from '../installations/installations.schemas.js';
import { activityView } from '../work-orders/activities.schemas.js';

/** What the end customer sees of an installation: the facts and the checks, nothing internal. */
const portalInstallation = installationView
  .pick({
    id: true,
    locationId: true,
    kind: true,
    reference: true,
    brand: true,
    model: true,
    serialNumber: true,
    refrigerant: true,
    chargeKg: true,
    co2eTonnes: true,
    hermeticallySealed: true,
    leakDetectionSystem: true,
    coolingCapacityKw: true,
    heatingFuel: true,
    heatingCapacityKw: true,
    commissionedOn: true,
    token: true,
    forecast: true,
    leakLoss: true,
  })
  .meta({ id: 'PortalInstallation' });

export const portalInstallationsView = z.object({
  items: z.array(portalInstallation),
  locations: z.array(z.object({ id: z.string(), name: z.string(), address: z.string() })),
});

export const portalLogbookView = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      executedOn: z.string().nullable(),
      executorName: z.string().nullable(),
      // The service company's cylinder ids are its own stock records, not the customer's business.
      activities: z.array(activityView.omit({ cylinderId: true })),
    }),
  ),
});

export const consultationSubject = z.object({
  type: z.enum(['customer', 'location', 'installation', 'work_order']),
  id: z.string(),
  label: z.string().describe('Customer or location name, installation reference, work order number'),
});

export const portalConsultationsView = z.object({
  items: z.array(
    z.object({
      at: z.string(),
      who: z.string(),
      actorType: z.string(),
      action: z.string().describe('e.g. installation.viewed, export.created'),
      what: z.string().nullable().describe('The kind of record, e.g. installation or export'),
      subject: consultationSubject.nullable().describe('Which record was viewed or exported, where known'),
      format: z.string().nullable().describe('Exports: pdf or xlsx'),
      resource: z.string().nullable().describe('Exports: what was exported, e.g. logbook or work_order'),
    }),
  ),
});

export const portalSessionView = z.object({
  scope: z.enum(['customer', 'location']),
  customerName: z.string(),
  singleInstallation: z.boolean(),
  language: z.enum(['nl', 'fr', 'en', 'de']),
  company: z
    .object({ name: z.string(), phone: z.string(), email: z.string().nullable(), website: z.string() })
    .describe('The service company that keeps this logbook, to contact'),
});
