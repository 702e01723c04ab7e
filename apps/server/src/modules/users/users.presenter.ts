import type { Language, Role } from '../../context.js';
import { displayNameOf, statusOf, type UserKind, type UserRow, type UserStatus } from './users.repository.js';

export type UserView = {
  id: string;
  kind: UserKind;
  firstName: string;
  lastName: string;
  name: string;
  email: string | null;
  language: Language;
  roles: Role[];
  status: UserStatus;
  twoFactorEnabled: boolean;
  certificateNumber: string | null;
  invitationExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export function presentUser(row: UserRow): UserView {
  const status = statusOf(row);
  return {
    id: row.id,
    kind: row.kind,
    firstName: row.first_name,
    lastName: row.last_name,
    name: displayNameOf(row),
    email: row.email,
    language: row.language,
    roles: row.roles,
    status,
    twoFactorEnabled: row.totp_enabled_at !== null,
    certificateNumber: row.certificate_number,
    invitationExpiresAt:
      status === 'invited' && row.invitation_expires_at ? row.invitation_expires_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
