import { createRefrigerationSite, isoDate, mixedActivities } from '../../bench/lib/fixtures.mjs';
import type { Api } from '../../bench/lib/api.mjs';
import type { Client } from './real-server.js';

/**
 * The writes a service company makes all day, as the crash and load suites send them: customers,
 * installations, executed work orders with several activities (leak checks, refrigerant topped up
 * from a supply cylinder, measurements, maintenance, repairs) and changes of planned work orders
 * with their row version.
 */

export type Site = Awaited<ReturnType<typeof createRefrigerationSite>>;

/** `count` sites, each a customer, location, R-404A installation and its own supply cylinder. */
export async function createSites(api: Api, count: number): Promise<Site[]> {
  const sites: Site[] = [];
  for (let i = 0; i < count; i++) sites.push(await createRefrigerationSite(api));
  return sites;
}

export const customerBody = (tag: string) => ({ name: `Klant ${tag}`, customerNumber: tag, language: 'nl' });

export const installationBody = (site: Site, tag: string, n: number) => ({
  locationId: site.location.id,
  kind: 'refrigeration',
  reference: tag,
  brand: 'Bitzer',
  model: 'LH44E',
  serialNumber: `SN-${tag}`,
  refrigerant: 'R-404A',
  chargeKg: 4 + (n % 20),
  hermeticallySealed: false,
  leakDetectionSystem: false,
  coolingCapacityKw: 8 + (n % 10),
  commissionedOn: '2020-03-01',
});

/** An executed work order with 3 to 6 activities on the site's installation, one of them a top-up. */
export const executedWorkOrderBody = (api: Api, site: Site, tag: string, n: number) => {
  const activities = mixedActivities(3 + (n % 4), site.installation.id, site.cylinder.id);
  return {
    body: {
      installationIds: [site.installation.id],
      status: 'executed',
      executedOn: isoDate(1 + (n % 300)),
      executorId: api.technicianId,
      notes: tag,
      activities,
    },
    activityCount: activities.length,
  };
};

export const plannedWorkOrderBody = (site: Site, tag: string) => ({
  installationIds: [site.installation.id],
  status: 'to_be_executed',
  plannedOn: isoDate(-30),
  notes: tag,
});

/** Lists every page of a cursor-paged list. */
export async function listAll<T>(client: Client, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page: { items: T[]; nextCursor: string | null } = await client.ok(
      'GET',
      `${path}${separator}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
