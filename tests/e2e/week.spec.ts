import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { filters, rowNames } from './helpers';

const day = (offset: number) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const danish = (iso: string) => iso.split('-').reverse().join('.');

const section = (page: Page, name: RegExp) => page.getByRole('region', { name });

test('the first run asks who I am; "Mine" is then mine, with a switch to a colleague’s or everyone’s', async ({
  page,
  server,
}) => {
  await server.call('settings.update', { 'user.name': '' });
  const bo = await server.call<{ id: number }>('consultants.ensure', { name: 'Bo Lund' });
  const bosFirm = await server.call<{ id: number }>('companies.create', { name: 'Bos Bageri', consultantId: bo.id });
  await server.call('followups.create', { companyId: bosFirm.id, title: 'Ring til Bos kunde', dueDate: day(-1) });

  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Min uge' })).toBeVisible();
  const step = page.getByRole('region', { name: 'Hvem er du?' });
  await step.getByRole('button', { name: 'Det er mig' }).click();
  await expect(step.getByText('Skriv dit navn')).toBeVisible();
  await step.getByLabel('Dit navn').fill('Karen Sørensen');
  await step.getByLabel('Din stilling (fx Erhvervskonsulent)').fill('Erhvervskonsulent');
  await step.getByRole('button', { name: 'Det er mig' }).click();
  await expect(page.getByText('Velkommen, Karen Sørensen')).toBeVisible();
  await expect(step).toHaveCount(0);

  const who = page.getByLabel('Vis for');
  await expect(who.locator('option:checked')).toHaveText('Mine (Karen Sørensen)');
  const followups = section(page, /^Opfølgninger: forfaldne og denne uge/);
  await expect(followups).toContainText('Intet her i denne uge.');
  await who.selectOption({ label: 'Bo Lund' });
  await expect(followups).toContainText('Ring til Bos kunde');
  await who.selectOption({ label: 'Alle konsulenter' });
  await expect(followups).toContainText('Bo Lund');

  // "Mine opfølgninger" means mine too.
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Mine opfølgninger' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mine opfølgninger' })).toBeVisible();
  await expect(page.getByText('Ingen åbne opfølgninger.')).toBeVisible();

  // The caseload has "Mine" as a filter of its own.
  const karen = await server.call<{ consultant: { id: number } }>('identity.get', {});
  await server.call('companies.create', { name: 'Karens Gård', consultantId: karen.consultant.id });
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Sagsportefølje' }).click();
  const mineFilter = filters(page).getByRole('button', { name: 'Mine (Karen Sørensen)' });
  await mineFilter.click();
  await expect(mineFilter).toHaveAttribute('aria-pressed', 'true');
  await expect(rowNames(page)).toHaveText(['Karens Gård']);

  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Indstillinger' }).click();
  await expect(page.getByLabel('Dit navn (står i historikken)')).toHaveValue('Karen Sørensen');
  await expect(page.getByLabel('Din stilling (fx Erhvervskonsulent)')).toHaveValue('Erhvervskonsulent');
});

test('"Min uge" lists this week’s work and every item acts where it stands', async ({ page, server }) => {
  const me = await server.call<{ consultant: { id: number } }>('identity.set', {
    name: 'Mette Uge',
    role: 'Konsulent',
  });
  const mine = { consultantId: me.consultant.id };
  const firm = await server.call<{ id: number }>('companies.create', { name: 'Ådalens Gårdbutik', ...mine });
  await server.call('visits.create', { companyId: firm.id, date: day(-3), type: 'visit' });
  await server.call('followups.create', { companyId: firm.id, title: 'Send referat', dueDate: day(-2) });
  await server.call('followups.create', { companyId: firm.id, title: 'Ring til banken', dueDate: day(-1) });
  const unmet = await server.call<{ id: number }>('companies.create', { name: 'Smedjen i Ry', ...mine });
  await server.call('followups.create', { companyId: unmet.id, title: 'Første besøg', dueDate: day(0) });
  const orgs = await server.call<Array<{ id: number; name: string }>>('reference.organisations', {});
  const org = (name: string) => orgs.find((o) => o.name === name)?.id ?? 0;
  const referral = await server.call<{ id: number }>('referrals.create', {
    companyId: firm.id,
    organisationId: org('Væksthus Midtjylland'),
    reason: 'Eksport',
    consentOn: day(-20),
  });
  await server.call('referrals.setStatus', { id: referral.id, status: 'sent', date: day(-20) });
  await server.call('lag.create', {
    companyId: firm.id,
    lagId: org('LAG Djursland'),
    title: 'Ny gårdbutik',
    deadline: day(10),
  });
  const quiet = await server.call<{ id: number }>('companies.create', { name: 'Stille Smedje', ...mine });
  await server.call('visits.create', { companyId: quiet.id, date: day(-120), type: 'phone' });

  await page.goto(`${server.url}#/week`);
  await expect(page.getByRole('heading', { level: 1, name: 'Min uge' })).toBeVisible();
  const followups = section(page, /^Opfølgninger: forfaldne og denne uge/);
  await expect(followups.getByRole('listitem')).toHaveCount(3);

  const axe = await new AxeBuilder({ page }).include('.page-week').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  // Done, in place.
  await followups.getByRole('checkbox', { name: /Send referat/ }).click();
  await expect(page.getByText('Markeret som udført: Send referat')).toBeVisible();
  await expect(followups.getByRole('checkbox', { name: /Send referat/ })).toBeChecked();
  // Snoozed a week, in place.
  const bank = followups.getByRole('listitem').filter({ hasText: 'Ring til banken' });
  await bank.getByRole('button', { name: 'Udsæt' }).click();
  await page.getByRole('button', { name: '1 uge' }).click();
  await expect(bank).toContainText(danish(day(7)));

  const referrals = section(page, /^Henvisninger uden svar i over 14 dage/);
  await expect(referrals).toContainText(`Sendt til Væksthus Midtjylland ${danish(day(-20))} (20 dage siden)`);
  await referrals.getByRole('button', { name: 'Markér modtaget' }).click();
  await expect(page.getByText('Henvisningen til Væksthus Midtjylland er markeret modtaget')).toBeVisible();
  await expect(referrals).toContainText('Intet her i denne uge.');

  await expect(section(page, /^LAG-ansøgninger/)).toContainText(`Frist ${danish(day(10))}`);
  const quietSection = section(page, /^Åbne virksomheder uden kontakt i 90 dage/);
  await expect(quietSection).toContainText(`Sidste kontakt ${danish(day(-120))}`);

  // Keyboard: the register-visit button is reached and used with the keyboard, with a visible focus.
  const visits = section(page, /^Planlagte besøg/);
  const register = visits.getByRole('button', { name: 'Registrér besøg' });
  await visits.getByRole('link', { name: 'Smedjen i Ry' }).focus();
  await page.keyboard.press('Tab');
  await expect(register).toBeFocused();
  expect(await register.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/companies/${unmet.id}/visits/new$`));
  await page.goBack();
  await section(page, /^Åbne virksomheder uden kontakt/)
    .getByRole('link', { name: 'Åbn Stille Smedje' })
    .click();
  await expect(page).toHaveURL(new RegExp(`#/companies/${quiet.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Stille Smedje' })).toBeVisible();
});
