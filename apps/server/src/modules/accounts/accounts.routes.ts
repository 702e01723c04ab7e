import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { serviceContext } from '../../http/authentication.js';
import { line } from '../../http/schema-helpers.js';
import { enterpriseNumberInput } from '../customers/customers.schemas.js';
import { getAccount, updateAccount } from './accounts.service.js';

const tags = ['Account'];

const accountView = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['service', 'connect']),
    enterpriseNumber: z.string().nullable(),
    requireTwoFactor: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'Account' });

export function accountRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/account', {
    schema: { tags, summary: 'The company account', response: { 200: accountView } },
    handler: async (request) => getAccount(deps, serviceContext(request)),
  });

  r.patch('/account', {
    schema: {
      tags,
      summary:
        'Change the company account (administrators): name, enterprise number, require two-step sign-in',
      body: z.strictObject({
        name: line(200, 1).optional(),
        enterpriseNumber: enterpriseNumberInput.nullable().optional(),
        requireTwoFactor: z.boolean().optional(),
      }),
      response: { 200: accountView },
    },
    handler: async (request) => updateAccount(deps, serviceContext(request), request.body),
  });
}
