/**
 * Data created through the API, as a service company would enter it.
 * @typedef {import('./api.mjs').Api} Api
 */

const REFRIGERANT = 'R-404A';

/**
 * A day `daysAgo` before today, as YYYY-MM-DD.
 * @param {number} daysAgo
 */
export function isoDate(daysAgo) {
  return new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A customer with one location and a commercial refrigeration installation on R-404A, and a supply
 * cylinder of that refrigerant.
 * @param {Api} api
 */
export async function createRefrigerationSite(api) {
  const customer = await api.post('/customers', {
    name: 'Slagerij Van den Broeck',
    language: 'en',
    customerNumber: 'K-10442',
    email: 'info@slagerij.example',
  });
  const location = await api.post('/locations', {
    customerId: customer.id,
    name: 'Shop',
    street: 'Korenmarkt',
    number: '12',
    postcode: '9000',
    city: 'Gent',
    contacts: [{ name: 'Lien Van den Broeck', role: 'Owner', phone: '+32 9 123 45 67' }],
  });
  const installation = await api.post('/installations', {
    locationId: location.id,
    kind: 'refrigeration',
    reference: 'Cold room 1',
    brand: 'Bitzer',
    model: 'LH44E/2FES-3Y',
    serialNumber: 'BZ-2019-004471',
    refrigerant: REFRIGERANT,
    chargeKg: 12.5,
    hermeticallySealed: false,
    leakDetectionSystem: false,
    coolingCapacityKw: 14,
    commissionedOn: '2019-05-14',
  });
  const cylinder = await api.post('/cylinders', {
    kind: 'supply',
    refrigerant: REFRIGERANT,
    serialNumber: 'CYL-88213',
    capacityKg: 60,
    contentKg: 60,
  });
  return { customer, location, installation, cylinder };
}

/**
 * `count` activities on one installation, in a realistic mix: leak checks (some finding a leak),
 * refrigerant added from the cylinder, measurements, maintenance, leak repairs and repairs.
 * @param {number} count
 * @param {string} installationId
 * @param {string} cylinderId
 */
export function mixedActivities(count, installationId, cylinderId) {
  /** @type {((i: number) => Record<string, unknown>)[]} */
  const kinds = [
    (i) =>
      i % 8 === 0
        ? {
            type: 'leak_check',
            result: 'leak_found',
            method: 'direct',
            leakLocation: `Flare nut, valve ${i}`,
          }
        : { type: 'leak_check', result: 'no_leak', method: i % 2 ? 'direct' : 'indirect' },
    (i) => ({
      type: 'refrigerant_added',
      refrigerant: REFRIGERANT,
      quantityKg: Math.round((0.2 + (i % 5) * 0.15) * 100) / 100,
      cylinderId,
      notes: 'Topped up after the leak check',
    }),
    (i) => ({
      type: 'measurements',
      measurements: [
        { name: 'Suction pressure', value: 2.1 + (i % 3) / 10, unit: 'bar' },
        { name: 'Discharge pressure', value: 17.5 + (i % 4) / 10, unit: 'bar' },
        { name: 'Superheat', value: 6 + (i % 3), unit: 'K' },
        { name: 'Subcooling', value: 3 + (i % 2), unit: 'K' },
        { name: 'Cold room temperature', value: 2 + (i % 3) / 2, unit: '°C' },
      ],
    }),
    (i) => ({
      type: 'maintenance',
      description: `Cleaned condenser coil and drain pan, checked fan motor ${i}, replaced filter drier.`,
    }),
    (i) =>
      i % 2
        ? { type: 'leak_repair', description: `Re-flared and tightened the connection at valve ${i}.` }
        : { type: 'repair', description: `Replaced the door heater cable (${i}).`, notes: 'Part from stock' },
  ];
  return Array.from({ length: count }, (_, i) => ({ installationId, ...kinds[i % kinds.length]?.(i) }));
}

/**
 * An executed work order with `activityCount` activities on a new refrigeration installation.
 * @param {Api} api
 * @param {number} activityCount
 */
export async function createExecutedWorkOrder(api, activityCount) {
  const site = await createRefrigerationSite(api);
  const workOrder = await api.post('/work-orders', {
    installationIds: [site.installation.id],
    status: 'executed',
    executedOn: isoDate(1),
    executorId: api.technicianId,
    notes: 'Yearly service of the cold room; leak found and repaired, refrigerant topped up.',
    activities: mixedActivities(activityCount, site.installation.id, site.cylinder.id),
  });
  return { ...site, workOrder };
}
