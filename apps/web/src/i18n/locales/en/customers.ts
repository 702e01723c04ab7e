import type { Shape } from '../../shape';
import type { customers as nl } from '../nl/customers';

export const customers: Shape<typeof nl> = {
  customers: {
    title: 'Customers',
    add: 'Add customer',
    edit: 'Edit customer',
    searchLabel: 'Search by name',
    searchPlaceholder: 'Customer name',
    name: 'Name',
    language: 'Language of documents',
    enterpriseNumber: 'Enterprise number',
    enterpriseHelp: 'Optional, e.g. 0417.497.106',
    createdAt: 'Added on',
    empty: 'No customers yet. Add your first customer.',
    noMatch: 'No customers found for “{{q}}”.',
    deleteTitle: 'Delete customer',
    deleteConfirm:
      'Do you really want to delete {{name}}? This is meant for duplicates and cannot be undone.',
    created: 'Customer {{name}} added.',
    updated: 'Customer {{name}} updated.',
    deleted: 'Customer {{name}} deleted.',
  },
  account: {
    title: 'Account settings',
    intro: 'Your company’s details and the rules for all users.',
    company: 'Company',
    security: 'Security',
    name: 'Company name',
    enterpriseNumber: 'Enterprise number',
    enterpriseHelp: 'E.g. 0417.497.106. Leave empty if your company has none.',
    requireTwoFactor: 'Require two-step sign-in for everyone',
    requireTwoFactorHelp:
      'Whoever has no two-step sign-in yet must set it up at their next sign-in. Turn it on for yourself first.',
    createdAt: 'Account created on {{date}}.',
  },
};
