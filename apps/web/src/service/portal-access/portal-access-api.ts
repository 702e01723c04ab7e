import { api } from '../../api/client';

export type PortalScope = 'customer' | 'location';
export type PortalStatus = {
  enabled: boolean;
  scope: PortalScope;
  requireInstallationToken: boolean;
  updatedAt: string | null;
};
/** The code is answered this once; the server keeps only its hash. */
export type PortalCode = { code: string; link: string; requireInstallationToken: boolean };

const base = (scope: PortalScope, id: string) => `/${scope === 'customer' ? 'customers' : 'locations'}/${id}`;

export const portalKey = (scope: PortalScope, id: string) => ['portal-access', scope, id] as const;
export const getPortalStatus = (scope: PortalScope, id: string) =>
  api.get<PortalStatus>(`${base(scope, id)}/portal`);
export const issuePortalCode = (scope: PortalScope, id: string, requireInstallationToken: boolean) =>
  api.post<PortalCode>(
    `${base(scope, id)}/portal-code`,
    scope === 'location' ? { requireInstallationToken } : {},
  );
export const disablePortal = (scope: PortalScope, id: string) =>
  api.delete<void>(`${base(scope, id)}/portal-code`);
