import { api } from '../api/client';
import { isApiError } from '../api/problem';
import type {
  Forecast,
  HeatingFuel,
  InstallationForecastKey,
  InstallationKind,
  LeakLoss,
} from '../api/site-types';
import { fetchFile, type DownloadedFile } from '../api/transfer';
import type { Language } from '../api/types';
import type { Activity } from '../api/work-types';

/** The portal's read-only API (`/api/v1/portal/*`), authenticated by its own HttpOnly cookie. */

export type PortalSession = {
  scope: 'customer' | 'location';
  customerName: string;
  singleInstallation: boolean;
  language: Language;
  /** The service company that keeps the logbook, to contact. */
  company: { name: string; phone: string; email: string | null; website: string };
};

export type PortalInstallation = {
  id: string;
  locationId: string;
  kind: InstallationKind | null;
  reference: string;
  brand: string;
  model: string;
  serialNumber: string;
  refrigerant: string | null;
  chargeKg: number | null;
  co2eTonnes: number | null;
  hermeticallySealed: boolean | null;
  leakDetectionSystem: boolean | null;
  coolingCapacityKw: number | null;
  heatingFuel: HeatingFuel | null;
  heatingCapacityKw: number | null;
  commissionedOn: string | null;
  token: string;
  forecast: Record<InstallationForecastKey, Forecast>;
  leakLoss: LeakLoss | null;
};

export type PortalLocation = { id: string; name: string; address: string };
export type PortalInstallations = { items: PortalInstallation[]; locations: PortalLocation[] };

export type LogbookEntry = {
  id: string;
  number: number;
  executedOn: string | null;
  executorName: string | null;
  activities: Pick<Activity, 'id' | 'type' | 'result' | 'refrigerant' | 'quantityKg' | 'details'>[];
};

export type Consultation = {
  at: string;
  who: string;
  actorType: string;
  action: string;
  what: string | null;
  /** Which record was looked at or exported, where the server knows it. */
  subject: { type: ConsultationSubjectType; id: string; label: string } | null;
  format: string | null;
  resource: string | null;
};

export type ConsultationSubjectType = 'customer' | 'location' | 'installation' | 'work_order';

export const SESSION_KEY = ['portal', 'session'] as const;
export const PORTAL_DATA_KEY = ['portal', 'data'] as const;

/** The current session, or null when there is none (never signed in, ended, expired). */
export async function fetchSession(): Promise<PortalSession | null> {
  try {
    return await api.get<PortalSession>('/portal/session');
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export const openSession = (code: string, token: string) =>
  api.post<PortalSession>('/portal/session', token ? { code, token } : { code });

export const closeSession = () => api.post<void>('/portal/logout');

export const fetchInstallations = (lang: Language) =>
  api.get<PortalInstallations>('/portal/installations', { lang });

export const fetchLogbook = (installationId: string) =>
  api.get<{ items: LogbookEntry[] }>(`/portal/installations/${encodeURIComponent(installationId)}/logbook`);

export const fetchConsultations = () => api.get<{ items: Consultation[] }>('/portal/consultations');

/** The activities a certificate can be printed for, in the order the buttons offer them. */
export const CERTIFICATE_KINDS = [
  'leak_check',
  'heating_maintenance',
  'heating_audit',
  'energy_inspection',
] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];
export type LogbookFormat = 'pdf' | 'xlsx';

// Files come through fetch with the portal cookie (not a plain link), so that a refusal becomes an
// ApiError the page can explain (401 included: the session ended) instead of a saved error page.

/** A work order as PDF. */
export const fetchWorkOrderPdf = (workOrderId: string, lang: Language) =>
  fetchFile(`/portal/work-orders/${encodeURIComponent(workOrderId)}/document`, { lang });

/**
 * A certificate of an executed work order, for this installation: a work order can cover several,
 * and without installationId the server would pick one of them.
 */
export const fetchCertificatePdf = (
  workOrderId: string,
  kind: CertificateKind,
  installationId: string,
  lang: Language,
) =>
  fetchFile(`/portal/work-orders/${encodeURIComponent(workOrderId)}/certificates/${kind}`, {
    installationId,
    lang,
  });

/** The full logbook of an installation; every export gets its own verification digest. */
export const fetchLogbookExport = (installationId: string, format: LogbookFormat, lang: Language) =>
  fetchFile(`/portal/installations/${encodeURIComponent(installationId)}/logbook/export`, { format, lang });

/** The digest of a logbook export, from its response header (same origin, so readable). */
export const logbookDigest = (file: DownloadedFile): string | null =>
  file.headers.get('X-Logbook-Digest')?.trim().toLowerCase() || null;
