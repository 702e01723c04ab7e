import type { Company, InstallationSummary, Lang, WorkOrderDocument } from './types.js';

// A 1×1 PNG, as a drawn signature would be (tests only need a real image).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

export const sampleCompany: Company = {
  name: 'Koeltechniek Peeters bv',
  addressLines: ['Industrieweg 7', '9000 Gent'],
  phone: '+32 9 123 45 67',
  email: 'info@peeters-koeltechniek.be',
  website: '',
  enterpriseNumber: '0417.497.106',
  vatNumber: 'BE0417497106',
  certificates: [{ kind: 'F-gassen certificaat', number: 'VLG-2023-0042' }],
  logo: null,
  footer: '',
};

export const sampleInstallation: InstallationSummary = {
  reference: 'Koelcel 1 – Bäckerei Müller',
  kind: 'refrigeration',
  brand: 'Daikin',
  model: 'LRYEQ16',
  serialNumber: 'SN-778899',
  refrigerant: 'R-410A',
  chargeKg: 2.5,
  co2eTonnes: 5.22,
  hermeticallySealed: false,
  leakDetectionSystem: false,
  coolingCapacityKw: 14,
  heatingFuel: null,
  heatingCapacityKw: null,
  commissionedOn: '2023-04-15',
  token: 'K7QM2-XHP9R-TA4BC-2MN7P',
  location: 'Rue de l’Église 3, 4000 Liège',
  building: null,
};

export function sampleWorkOrder(lang: Lang, activities = 2): WorkOrderDocument {
  return {
    lang,
    company: sampleCompany,
    customer: { name: 'Brasserie Ça Va – Straße €', addressLines: ['Rue de l’Église 3', '4000 Liège'] },
    number: 1042,
    status: 'executed',
    plannedOn: '2026-11-20',
    executedOn: '2026-11-21',
    executor: { name: 'Koen Willems', certificateNumber: 'TECH-5512' },
    installations: [sampleInstallation],
    activities: Array.from({ length: activities }, (_, i) =>
      i % 2 === 0
        ? {
            installation: 'Koelcel 1',
            type: 'leak_check' as const,
            result: 'no_leak' as const,
            method: 'direct',
          }
        : {
            installation: 'Koelcel 1',
            type: 'refrigerant_added' as const,
            refrigerant: 'R-410A',
            quantityKg: 1.2,
            co2eTonnes: 2.51,
            cylinder: 'Fles 12 (R-410A)',
          },
    ),
    notes: 'Volume 3 m³ – CO₂-uitstoot vermeden.',
    labels: ['Gefactureerd'],
    products: [{ name: 'Filterdroger 3/8"', quantity: 1, unit: 'stuk' }],
    signatures: [
      { role: 'customer', signerName: 'Mevr. Jacobs', image: PNG, signedAt: '2026-11-21T10:00:00Z' },
    ],
    generatedAt: '2026-11-21T10:05:00Z',
  };
}
