import type { Shape } from '../../shape';
import type { nl } from '../nl';
import { audit } from './audit';
import { auth } from './auth';
import { common } from './common';
import { customers } from './customers';
import { profile } from './profile';
import { users } from './users';

export const en: Shape<typeof nl> = { ...common, ...auth, ...customers, ...users, ...audit, ...profile };
