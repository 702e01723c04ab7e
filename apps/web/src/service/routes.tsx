import type { RouteObject } from 'react-router-dom';
import { RequireSession } from '../auth/RequireSession';
import { AccountSettingsPage } from './account/AccountSettingsPage';
import { AuditLogPage } from './audit/AuditLogPage';
import { CustomersPage } from './customers/CustomersPage';
import { HomeRedirect } from './HomeRedirect';
import { ProfilePage } from './profile/ProfilePage';
import { RequireAbility } from './RequireAbility';
import { ServiceLayout } from './ServiceLayout';
import { UsersPage } from './users/UsersPage';

/** The Service app: the HVAC-R company's staff, signed in. */
export const serviceRoutes: RouteObject[] = [
  {
    element: <RequireSession />,
    children: [
      {
        element: <ServiceLayout />,
        children: [
          { index: true, element: <HomeRedirect /> },
          {
            path: 'customers',
            element: (
              <RequireAbility ability="viewCustomers">
                <CustomersPage />
              </RequireAbility>
            ),
          },
          {
            path: 'users',
            element: (
              <RequireAbility ability="viewUsers">
                <UsersPage />
              </RequireAbility>
            ),
          },
          {
            path: 'audit',
            element: (
              <RequireAbility ability="viewAuditLog">
                <AuditLogPage />
              </RequireAbility>
            ),
          },
          {
            path: 'account',
            element: (
              <RequireAbility ability="manageAccount">
                <AccountSettingsPage />
              </RequireAbility>
            ),
          },
          { path: 'profile', element: <ProfilePage /> },
        ],
      },
    ],
  },
];
