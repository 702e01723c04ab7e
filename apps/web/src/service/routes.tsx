import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router-dom';
import type { Abilities } from '../api/types';
import { RequireSession } from '../auth/RequireSession';
import { AccountSettingsPage } from './account/AccountSettingsPage';
import { AuditLogPage } from './audit/AuditLogPage';
import { CustomerDetailPage } from './customers/CustomerDetailPage';
import { CustomersPage } from './customers/CustomersPage';
import { ForecastsPage } from './forecasts/ForecastsPage';
import { HomeRedirect } from './HomeRedirect';
import { ImportWizardPage } from './imports/ImportWizardPage';
import { InstallationDetailPage } from './installations/InstallationDetailPage';
import { InstallationFormPage } from './installations/InstallationFormPage';
import { InstallationsPage } from './installations/InstallationsPage';
import { InventoryPage } from './inventory/InventoryPage';
import { LabelsPage } from './labels/LabelsPage';
import { LocationDetailPage } from './locations/LocationDetailPage';
import { LocationsPage } from './locations/LocationsPage';
import { ProfilePage } from './profile/ProfilePage';
import { ReportsPage } from './reports/ReportsPage';
import { RequireAbility } from './RequireAbility';
import { ServiceLayout } from './ServiceLayout';
import { SettingsPage } from './settings/SettingsPage';
import { UsersPage } from './users/UsersPage';
import { WorkOrderFormPage } from './work-orders/WorkOrderFormPage';
import { WorkOrdersPage } from './work-orders/WorkOrdersPage';

const guarded = (path: string, ability: keyof Abilities, element: ReactNode): RouteObject => ({
  path,
  element: <RequireAbility ability={ability}>{element}</RequireAbility>,
});

/** The Service app: the HVAC-R company's staff, signed in. */
export const serviceRoutes: RouteObject[] = [
  {
    element: <RequireSession />,
    children: [
      {
        element: <ServiceLayout />,
        children: [
          { index: true, element: <HomeRedirect /> },
          guarded('customers', 'viewCustomers', <CustomersPage />),
          guarded('customers/:id', 'viewCustomers', <CustomerDetailPage />),
          guarded('locations', 'viewCustomers', <LocationsPage />),
          guarded('locations/:id', 'viewCustomers', <LocationDetailPage />),
          guarded('installations', 'viewCustomers', <InstallationsPage />),
          guarded('installations/new', 'viewCustomers', <InstallationFormPage />),
          guarded('installations/:id', 'viewCustomers', <InstallationDetailPage />),
          guarded('installations/:id/edit', 'viewCustomers', <InstallationFormPage />),
          guarded('work-orders', 'viewCustomers', <WorkOrdersPage />),
          guarded('work-orders/new', 'viewCustomers', <WorkOrderFormPage />),
          guarded('work-orders/:id', 'viewCustomers', <WorkOrderFormPage />),
          guarded('forecasts', 'viewForecasts', <ForecastsPage />),
          guarded('reports', 'viewReports', <ReportsPage />),
          guarded('inventory', 'manageInventory', <InventoryPage />),
          guarded('imports', 'importData', <ImportWizardPage />),
          guarded('labels', 'manageSettings', <LabelsPage />),
          guarded('settings', 'manageSettings', <SettingsPage />),
          guarded('users', 'viewUsers', <UsersPage />),
          guarded('audit', 'viewAuditLog', <AuditLogPage />),
          guarded('account', 'manageAccount', <AccountSettingsPage />),
          { path: 'profile', element: <ProfilePage /> },
        ],
      },
    ],
  },
];
