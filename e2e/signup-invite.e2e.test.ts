import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumMissing, useServerAndBrowser } from './support/browser';
import { emailLink, waitForMail } from './support/outbox';

const noChromium = chromiumMissing('the sign-up and invitation flow');

// Passwords that satisfy the server's policy (long, uncommon, not built from names or "climalog").
const ADMIN = {
  company: 'Koeltechniek Peeters',
  firstName: 'Els',
  lastName: 'Peeters',
  email: 'els@koeltechniek.example',
  password: 'vriendelijk-kompas-fietst-42',
};
const TECHNICIAN = {
  firstName: 'Jonas',
  lastName: 'Maes',
  email: 'jonas@koeltechniek.example',
  password: 'zonnige-wolk-trapt-harder-7',
};

/** Mantine marks required inputs with " *" in the label, hence the anchored patterns. */
const label = (text: string) => new RegExp(`^${text}`);

async function useEnglish(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: 'Taal van de interface' }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await page
    .getByRole('heading', { level: 1 })
    .filter({ hasText: /Create a company account|Sign in/ })
    .waitFor();
}

describe.skipIf(noChromium)('sign-up, invitation and a technician’s first sign-in', () => {
  const suite = useServerAndBrowser();

  it('signs up a company, invites a technician who signs in and sees Customers only', async () => {
    const { browser, server } = suite;
    // 1. Sign up a company in the UI (the interface switched to English first).
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await admin.goto(`${server.url}/app/sign-up`);
    await useEnglish(admin);
    await admin.getByLabel(label('Company name')).fill(ADMIN.company);
    await admin.getByLabel(label('First name')).fill(ADMIN.firstName);
    await admin.getByLabel(label('Last name')).fill(ADMIN.lastName);
    await admin.getByLabel(label('Email address')).fill(ADMIN.email);
    await admin.getByLabel(label('Password')).fill(ADMIN.password);
    await admin.getByRole('button', { name: 'Create account' }).click();
    await admin.waitForURL('**/app/customers');
    await admin.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();

    // 2. Users → add a person with the technician role and send the invitation.
    await admin
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Users' })
      .click();
    await admin.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await admin.getByRole('button', { name: 'Add person' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Add person' });
    await dialog.getByLabel(label('First name')).fill(TECHNICIAN.firstName);
    await dialog.getByLabel(label('Last name')).fill(TECHNICIAN.lastName);
    await dialog.getByLabel(label('Email address')).fill(TECHNICIAN.email);
    await dialog.getByRole('checkbox', { name: 'Technician' }).check();
    await dialog.getByRole('checkbox', { name: 'Send the invitation now' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = admin.getByRole('row').filter({ hasText: TECHNICIAN.email });
    await row.getByText('Invited', { exact: true }).waitFor();
    await row.getByText('Technician', { exact: true }).waitFor();
    await adminContext.close();

    // 3. The invitation mail in DATA_DIR/outbox holds the link (the token in the fragment).
    const mail = await waitForMail(server.dataDir, TECHNICIAN.email);
    const link = emailLink(mail, 'invitation');
    expect(link.startsWith(`${server.url}/app/invitation#token=`)).toBe(true);

    // 4. The technician opens it in a fresh browser and chooses a password.
    const techContext = await browser.newContext();
    const tech = await techContext.newPage();
    await tech.goto(link);
    await tech.getByRole('heading', { level: 1, name: 'Accept invitation' }).waitFor();
    // The page names the company and the sign-in name before asking for a password.
    await tech.getByRole('cell', { name: ADMIN.company, exact: true }).waitFor();
    await tech.getByRole('cell', { name: TECHNICIAN.email, exact: true }).waitFor();
    await tech.getByLabel(label('Password')).fill(TECHNICIAN.password);
    await tech.getByLabel(label('Repeat the password')).fill(TECHNICIAN.password);
    await tech.getByRole('button', { name: 'Accept invitation' }).click();

    // 5. Then to sign-in (the address is filled in already) and into the app.
    await tech.waitForURL('**/app/sign-in');
    await expect(tech.getByLabel(label('Email address')).inputValue()).resolves.toBe(TECHNICIAN.email);
    await tech.getByLabel(label('Password')).fill(TECHNICIAN.password);
    await tech.getByRole('button', { name: 'Sign in', exact: true }).click();
    await tech.waitForURL('**/app/customers');

    // 6. A technician's navigation: Customers, but neither Users nor Audit log.
    const nav = tech.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Customers' }).waitFor();
    await expect(nav.getByRole('link', { name: 'Users' }).count()).resolves.toBe(0);
    await expect(nav.getByRole('link', { name: 'Audit log' }).count()).resolves.toBe(0);
    await techContext.close();
  });
});
