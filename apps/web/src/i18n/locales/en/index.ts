import type { Shape } from '../../shape';
import type { nl } from '../nl';
import { audit } from './audit';
import { auth } from './auth';
import { common } from './common';
import { customers } from './customers';
import { profile } from './profile';
import { users } from './users';
import { sites } from './sites';
import { work } from './work';
import { admin } from './admin';
import { documents } from './documents';

export const en: Shape<typeof nl> = {
  ...common,
  ...auth,
  ...customers,
  ...users,
  ...audit,
  ...profile,
  ...sites,
  ...work,
  ...admin,
  ...documents,
};
