import { api, apiUrl } from '../../api/client';
import type { Page } from '../../api/types';
import type { Building, Contact, Location, Region } from '../../api/site-types';
import { defineSorts, type Sort } from '../../components/list-sort';

export const LOCATIONS_KEY = ['locations'] as const;
export const BUILDINGS_KEY = ['buildings'] as const;

export type LocationInput = {
  customerId: string;
  name: string;
  street: string;
  number: string;
  box: string;
  postcode: string;
  city: string;
  country: string;
  region: Region | null;
  notes: string;
  contacts: Omit<Contact, 'id'>[];
  labelIds: string[];
};

/**
 * The orders GET /locations knows (LOCATION_SORTS on the server); `customer` is the customer's
 * name, then the location's name or address.
 */
export const LOCATION_SORTS = defineSorts(
  ['customer', 'name', 'city', 'postcode', 'createdAt', 'updatedAt'],
  'customer',
);
export type LocationSortField = (typeof LOCATION_SORTS.fields)[number];

export type LocationFilters = { q: string; labelId: string | null; region: Region | null };
export const emptyLocationFilters: LocationFilters = { q: '', labelId: null, region: null };

type ListParams = Partial<LocationFilters> & { customerId?: string; sort?: Sort<LocationSortField> };

export const listLocations = (params: ListParams, cursor?: string, limit = 50) =>
  api.get<Page<Location>>('/locations', { ...params, cursor, limit });

/** The spreadsheet of the filtered list in its order. */
export const locationsExportUrl = (params: ListParams) => apiUrl('/locations', { ...params, format: 'xlsx' });

export const getLocation = (id: string) => api.get<Location>(`/locations/${id}`);
export const createLocation = (input: LocationInput) => api.post<Location>('/locations', input);
/** `version`: the one the form was opened on; a newer one on the server is a 409 version_conflict. */
export const updateLocation = (id: string, input: Partial<LocationInput> & { version: number }) =>
  api.patch<Location>(`/locations/${id}`, input);
export const deleteLocation = (id: string) => api.delete<void>(`/locations/${id}`);

export type BuildingInput = { name: string; forecastEnabled: boolean; lastEnergyInspectionOn: string | null };

export const listBuildings = (locationId: string) =>
  api.get<{ items: Building[] }>('/buildings', { locationId }).then((r) => r.items);
export const getBuilding = (id: string) => api.get<Building>(`/buildings/${id}`);
export const createBuilding = (locationId: string, input: BuildingInput) =>
  api.post<Building>('/buildings', { locationId, ...input });
export const updateBuilding = (id: string, input: Partial<BuildingInput> & { version: number }) =>
  api.patch<Building>(`/buildings/${id}`, input);
export const deleteBuilding = (id: string) => api.delete<void>(`/buildings/${id}`);

/**
 * The region the server will derive (apps/server/src/modules/locations/region.ts): 1000–1299
 * Brussels, 1300–1499 and 4000–7999 Wallonia, 1500–3999 and 8000–9999 Flanders; abroad "other".
 */
export function regionFromAddress(country: string, postcode: string): Region | null {
  if (country.trim().toUpperCase() !== 'BE') return country.trim() ? 'other' : null;
  const digits = postcode.replace(/^B-?/i, '').trim();
  if (!/^\d{4}$/.test(digits)) return null;
  const code = Number(digits);
  if (code >= 1000 && code <= 1299) return 'brussels';
  if ((code >= 1300 && code <= 1499) || (code >= 4000 && code <= 7999)) return 'wallonia';
  if ((code >= 1500 && code <= 3999) || (code >= 8000 && code <= 9999)) return 'flanders';
  return null;
}

/** "Kerkstraat 12 bus 3, 9000 Gent" — the address on one line. */
export function addressLine(
  l: Pick<Location, 'street' | 'number' | 'box' | 'postcode' | 'city' | 'country'>,
) {
  const street = [l.street, l.number].filter(Boolean).join(' ') + (l.box ? ` / ${l.box}` : '');
  const city = [l.postcode, l.city].filter(Boolean).join(' ');
  return [street, city, l.country && l.country !== 'BE' ? l.country : ''].filter(Boolean).join(', ');
}

/** A location's name, else its address. */
export const locationTitle = (
  l: Pick<Location, 'name' | 'street' | 'number' | 'box' | 'postcode' | 'city' | 'country'>,
) => l.name || addressLine(l);
