import { CERTIFICATE_KINDS, type CertificateKind, type LogbookEntry } from '../api';

/**
 * The certificates a logbook entry offers: one per kind of certifying activity it holds (two leak
 * checks in one work order still make one certificate), in the fixed order of CERTIFICATE_KINDS.
 * The entry lists only this installation's activities, so each certificate is for this installation.
 */
export function certificatesOf(entry: Pick<LogbookEntry, 'activities'>): CertificateKind[] {
  const types = new Set<string>(entry.activities.map((a) => a.type));
  return CERTIFICATE_KINDS.filter((kind) => types.has(kind));
}
