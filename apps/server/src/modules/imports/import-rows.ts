import type { z } from 'zod';
import type { Queryable } from '../../db/database.js';
import { fieldErrorsFrom } from '../../http/problem-details.js';
import type { FieldError } from '../../http/errors.js';
import { customerInput } from '../customers/customers.schemas.js';
import { installationInput } from '../installations/installations.schemas.js';
import { locationInput } from '../locations/locations.schemas.js';
import { rowToFields, type ImportKind } from './import-columns.js';
import type { Cell } from './spreadsheet-reader.js';

const SYNONYMS: Record<string, Record<string, string>> = {
  language: {
    nederlands: 'nl',
    dutch: 'nl',
    neerlandais: 'nl',
    français: 'fr',
    francais: 'fr',
    french: 'fr',
    frans: 'fr',
    english: 'en',
    engels: 'en',
    anglais: 'en',
    deutsch: 'de',
    duits: 'de',
    allemand: 'de',
    german: 'de',
  },
  kind: {
    koeling: 'refrigeration',
    koelinstallatie: 'refrigeration',
    réfrigération: 'refrigeration',
    refrigeration: 'refrigeration',
    kälte: 'refrigeration',
    airco: 'air_conditioning',
    climatisation: 'air_conditioning',
    'air conditioning': 'air_conditioning',
    klima: 'air_conditioning',
    klimaanlage: 'air_conditioning',
    warmtepomp: 'heat_pump',
    'pompe à chaleur': 'heat_pump',
    'heat pump': 'heat_pump',
    wärmepumpe: 'heat_pump',
    verwarming: 'heating',
    chauffage: 'heating',
    heating: 'heating',
    heizung: 'heating',
    ketel: 'heating',
  },
  heatingFuel: {
    gas: 'gas',
    aardgas: 'gas',
    gaz: 'gas',
    stookolie: 'liquid',
    mazout: 'liquid',
    oil: 'liquid',
    heizöl: 'liquid',
    liquid: 'liquid',
    hout: 'solid',
    pellets: 'solid',
    bois: 'solid',
    solid: 'solid',
    other: 'other',
  },
  region: {
    vlaanderen: 'flanders',
    flandre: 'flanders',
    brussel: 'brussels',
    bruxelles: 'brussels',
    wallonië: 'wallonia',
    wallonie: 'wallonia',
  },
};

function withSynonyms(fields: Record<string, unknown>): Record<string, unknown> {
  for (const [field, names] of Object.entries(SYNONYMS)) {
    const value = fields[field];
    if (typeof value === 'string') fields[field] = names[value.toLowerCase()] ?? value.toLowerCase();
  }
  return fields;
}

// Rows are validated with the API's own schemas, minus the references resolved from other columns.
const SCHEMAS = {
  customers: customerInput,
  locations: locationInput.omit({ customerId: true }).extend({}),
  installations: installationInput.omit({ locationId: true, buildingId: true }),
} satisfies Record<ImportKind, z.ZodType>;

export type PreparedRow = {
  row: number;
  /** The API body for create/update, references still to resolve. */
  body: Record<string, unknown>;
  reference: { customerNumber?: string; customerName?: string; locationReference?: string };
  errors: FieldError[];
};

/** Turns a spreadsheet row into a checked API body, with per-field errors. */
export function prepareRow(
  kind: ImportKind,
  cells: readonly Cell[],
  mapping: Record<string, number>,
  rowNumber: number,
): PreparedRow {
  const fields = withSynonyms(rowToFields(kind, cells, mapping));
  const { customerNumber, customerName, locationReference, ...rest } = fields as Record<string, unknown> & {
    customerNumber?: string;
    customerName?: string;
    locationReference?: string;
  };
  const body = kind === 'customers' ? { ...rest, ...(customerNumber ? { customerNumber } : {}) } : rest;
  const reference = { customerNumber, customerName, locationReference };
  const errors: FieldError[] = [];
  const parsed = SCHEMAS[kind].safeParse(body);
  if (!parsed.success) {
    errors.push(
      ...fieldErrorsFrom(
        parsed.error.issues.map((i) => ({
          instancePath: `/${i.path.join('/')}`,
          message: i.message,
          keyword: i.code,
          params: i as unknown as Record<string, unknown>,
        })),
        'body',
      ),
    );
  }
  if (kind === 'locations' && !customerNumber && !customerName) {
    errors.push({
      field: 'customerNumber',
      message: 'Say which customer: a customer number or name column.',
      code: 'required',
    });
  }
  if (kind === 'installations' && !locationReference && !customerNumber) {
    errors.push({
      field: 'locationReference',
      message: 'Say where: a location reference (or the customer number of a customer with one location).',
      code: 'required',
    });
  }
  return {
    row: rowNumber,
    body: parsed.success ? (parsed.data as Record<string, unknown>) : body,
    reference: Object.fromEntries(
      Object.entries(reference).filter(([, v]) => v !== undefined),
    ) as PreparedRow['reference'],
    errors,
  };
}

/** Finds the customer or location a row refers to; an error when it does not exist or is ambiguous. */
export async function resolveReference(
  tx: Queryable,
  tenantId: string,
  kind: ImportKind,
  prepared: PreparedRow,
): Promise<{ id: string | null; error?: FieldError }> {
  const { customerNumber, customerName, locationReference } = prepared.reference;
  if (kind === 'customers') return { id: null };
  if (kind === 'locations') {
    const rows = customerNumber
      ? await tx.query<{ id: string }>(
          'select id from customers where tenant_id = $1 and customer_number = $2 limit 2',
          [tenantId, customerNumber],
        )
      : await tx.query<{ id: string }>(
          'select id from customers where tenant_id = $1 and lower(name) = lower($2) limit 2',
          [tenantId, customerName],
        );
    if (rows.length === 1) return { id: rows[0]!.id };
    const field = customerNumber ? 'customerNumber' : 'customerName';
    return {
      id: null,
      error: {
        field,
        message: rows.length ? 'More than one customer matches.' : 'No customer matches.',
        code: rows.length ? 'ambiguous' : 'not_found',
      },
    };
  }
  const rows = locationReference
    ? await tx.query<{ id: string }>(
        'select id from locations where tenant_id = $1 and external_reference = $2 limit 2',
        [tenantId, locationReference],
      )
    : await tx.query<{ id: string }>(
        `select l.id from locations l join customers c on c.tenant_id = l.tenant_id and c.id = l.customer_id
          where l.tenant_id = $1 and c.customer_number = $2 limit 2`,
        [tenantId, customerNumber],
      );
  if (rows.length === 1) return { id: rows[0]!.id };
  const field = locationReference ? 'locationReference' : 'customerNumber';
  return {
    id: null,
    error: {
      field,
      message: rows.length
        ? 'More than one location matches; use a location reference.'
        : 'No location matches.',
      code: rows.length ? 'ambiguous' : 'not_found',
    },
  };
}
