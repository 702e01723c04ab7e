import { audit } from './audit';
import { auth } from './auth';
import { common } from './common';
import { customers } from './customers';
import { profile } from './profile';
import { users } from './users';

/** Dutch, the default language and the reference every other language must match key for key. */
export const nl = { ...common, ...auth, ...customers, ...users, ...audit, ...profile };
