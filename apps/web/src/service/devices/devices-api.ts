import { api } from '../../api/client';

/** A phone or tablet signed in to the field app. */
export type Device = {
  id: string;
  userId: string;
  installationId: string;
  name: string;
  appVersion: string;
  os: string;
  firstSeenAt: string;
  lastSeenAt: string;
  revokedAt: string | null;
};

/** Without a user: the signed-in person's own devices. */
export const devicesKey = (userId: string | null) => ['devices', userId ?? 'me'] as const;
export const listDevices = (userId: string | null) =>
  api.get<{ items: Device[] }>('/devices', { userId }).then((r) => r.items);
export const revokeDevice = (id: string) => api.delete<Device>(`/devices/${id}`);
