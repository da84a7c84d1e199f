// Screenshots for the docs, of the real UI in browser mode with Chromium:
// - docs/screenshots/caseload.png (the README): about 40 realistic companies seeded through the API;
// - docs/screenshots/guide-*.png (docs/user-guide.md): a first start on an empty database, then the
//   demo programme loaded as the first-start offer does, at an office laptop's 1366×768.
// Usage: npm run screenshot
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'docs', 'screenshots', 'caseload.png');
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

const KOMMUNER = {
  Herning: 657,
  Holstebro: 661,
  Lemvig: 665,
  Skive: 779,
  Viborg: 791,
  Silkeborg: 740,
  Favrskov: 710,
  Syddjurs: 706,
  Norddjurs: 707,
  'Ringkøbing-Skjern': 760,
  Hedensted: 766,
  Randers: 730,
};

// name, owner, postcode, city, kommune, industry (DB07), employees, legal form, status, consultant
const COMPANIES = [
  ['Hvidbjerg Gårdmejeri', 'Karen Hvidbjerg', '7870', 'Roslev', 'Skive', '105100', 4, 'aps', 'in_progress', 0],
  ['Fur Bryghus', 'Anders Fur Nielsen', '7884', 'Fur', 'Skive', '110500', 9, 'aps', 'visited', 0],
  ['Sørvad Smedie & VVS', 'Poul Erik Dam', '7550', 'Sørvad', 'Herning', '433200', 6, 'is', 'contacted', 1],
  ['Lemvig Kajakudlejning', 'Signe Thorsen', '7620', 'Lemvig', 'Lemvig', '772100', 1, 'enkeltmand', 'identified', null],
  ['Thyborøn Fiskerøgeri', 'Jens Bach', '7680', 'Thyborøn', 'Lemvig', '102000', 7, 'aps', 'needs_clarified', 1],
  ['Bøvling Blomster', 'Lone Bøvling', '7650', 'Bøvlingbjerg', 'Lemvig', '477600', 2, 'enkeltmand', 'visited', 1],
  [
    'Vinderup Tømrerforretning',
    'Morten Kristensen',
    '7830',
    'Vinderup',
    'Holstebro',
    '433200',
    8,
    'aps',
    'in_progress',
    2,
  ],
  ['Hjerm Æblemost', 'Birthe Hjerm', '7560', 'Hjerm', 'Holstebro', '103200', 3, 'is', 'contacted', 2],
  [
    'Ulfborg Hestepension',
    'Camilla Vestergaard',
    '6990',
    'Ulfborg',
    'Holstebro',
    '014300',
    1,
    'enkeltmand',
    'identified',
    null,
  ],
  ['Kibæk Cykler', 'Henrik Østergaard', '6933', 'Kibæk', 'Herning', '476400', 2, 'enkeltmand', 'closed', 0],
  ['Vildbjerg Maskinstation', 'Niels Vildbjerg', '7480', 'Vildbjerg', 'Herning', '016100', 9, 'as', 'in_progress', 0],
  ['Aulum Økologiske Grønt', 'Maria Aulum Jensen', '7490', 'Aulum', 'Herning', '011300', 5, 'aps', 'visited', 0],
  ['Sunds Søcamping', 'Torben Sunds', '7451', 'Sunds', 'Herning', '553000', 3, 'is', 'needs_clarified', null],
  ['Karup Flyhistorisk Café', 'Inge Karup', '7470', 'Karup J', 'Viborg', '561000', 4, 'enkeltmand', 'contacted', 2],
  ['Tjele Landbrugsrådgivning', 'Søren Tjele', '8830', 'Tjele', 'Viborg', '702200', 2, 'aps', 'identified', 2],
  ['Skals Keramik', 'Hanne Skals', '8832', 'Skals', 'Viborg', '234100', 1, 'enkeltmand', 'visited', 2],
  ['Løgstrup Tagdækning', 'Kim Løgstrup', '8831', 'Løgstrup', 'Viborg', '439100', 6, 'aps', 'in_progress', 2],
  ['Ulstrup Slagter', 'Ole Ulstrup', '8860', 'Ulstrup', 'Viborg', '101100', 5, 'is', 'contacted', null],
  ['Kjellerup El-service', 'Rasmus Kjær', '8620', 'Kjellerup', 'Silkeborg', '432100', 7, 'aps', 'in_progress', 1],
  ['Them Gårdbutik', 'Dorthe Them', '8653', 'Them', 'Silkeborg', '472900', 2, 'enkeltmand', 'visited', 1],
  ['Bryrup Langelinie B&B', 'Ulla Bryrup', '8654', 'Bryrup', 'Silkeborg', '552000', 1, 'enkeltmand', 'identified', 1],
  ['Gjern Vognmandsforretning', 'Bent Gjern', '8883', 'Gjern', 'Silkeborg', '494100', 8, 'aps', 'needs_clarified', 1],
  ['Hadsten Honning', 'Mette Hadsten', '8370', 'Hadsten', 'Favrskov', '014900', 1, 'enkeltmand', 'contacted', 0],
  ['Hinnerup Snedkeri', 'Jakob Hinnerup', '8382', 'Hinnerup', 'Favrskov', '310900', 4, 'aps', 'in_progress', 0],
  ['Thorsø Brød & Kage', 'Lise Thorsø', '8881', 'Thorsø', 'Favrskov', '107100', 6, 'is', 'visited', 0],
  ['Ebeltoft Glasværksted', 'Peter Ebeltoft', '8400', 'Ebeltoft', 'Syddjurs', '231900', 2, 'enkeltmand', 'closed', 2],
  ['Knebel Vig Kajak', 'Nanna Knebel', '8420', 'Knebel', 'Syddjurs', '932900', 1, 'enkeltmand', 'identified', null],
  ['Rønde Revisionskontor', 'Erik Rønde', '8410', 'Rønde', 'Syddjurs', '692000', 5, 'aps', 'contacted', 2],
  ['Mørke Maskinværksted', 'Flemming Mørke', '8544', 'Mørke', 'Syddjurs', '282900', 9, 'aps', 'in_progress', 2],
  ['Glesborg Gæstgiveri', 'Tina Glesborg', '8585', 'Glesborg', 'Norddjurs', '551000', 8, 'is', 'needs_clarified', 1],
  ['Anholt Naturcamp', 'Rikke Anholt', '8592', 'Anholt', 'Norddjurs', '553000', 2, 'enkeltmand', 'visited', 1],
  ['Ørum Djurs Dyrlæge', 'Carsten Ørum', '8586', 'Ørum Djurs', 'Norddjurs', '750000', 3, 'aps', 'identified', null],
  [
    'Hvide Sande Surfskole',
    'Jonas Sande',
    '6960',
    'Hvide Sande',
    'Ringkøbing-Skjern',
    '855100',
    2,
    'ivs',
    'contacted',
    0,
  ],
  ['Tarm Autolakering', 'Michael Tarm', '6880', 'Tarm', 'Ringkøbing-Skjern', '452000', 4, 'aps', 'in_progress', 0],
  ['Spjald Andelskøkken', 'Grethe Spjald', '6971', 'Spjald', 'Ringkøbing-Skjern', '562900', 6, 'amba', 'visited', 0],
  ['Videbæk Hørecenter', 'Allan Videbæk', '6920', 'Videbæk', 'Ringkøbing-Skjern', '869000', 3, 'aps', 'identified', 0],
  ['Juelsminde Havnekiosk', 'Susanne Juel', '7130', 'Juelsminde', 'Hedensted', '471100', 2, 'enkeltmand', 'closed', 2],
  ['Uldum Strikkeværksted', 'Kirsten Uldum', '7171', 'Uldum', 'Hedensted', '139100', 1, 'enkeltmand', 'visited', 2],
  ['Langå Landbrugsservice', 'Brian Langå', '8870', 'Langå', 'Randers', '016200', 5, 'aps', 'contacted', null],
  ['Stouby Vinhus', 'Mads Stouby', '7140', 'Stouby', 'Hedensted', '110200', 2, 'aps', 'needs_clarified', 2],
];
const CONSULTANTS = ['Mette Sørensen', 'Lars Kjær', 'Anne Bech'];

function validCvr(n) {
  const w = [2, 7, 6, 5, 4, 3, 2, 1];
  for (let x = n; ; x++) {
    const d = String(x).padStart(8, '0').slice(-8);
    if (d[0] === '0') continue;
    if ([...d].reduce((s, c, i) => s + Number(c) * w[i], 0) % 11 === 0) return d;
  }
}

function ensureBuilt() {
  if (existsSync(path.join(ROOT, 'out', 'renderer', 'index.html'))) return;
  execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

function startServer(dbPath) {
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      'src-main/server/main.ts',
      '--db',
      dbPath,
      '--port',
      '0',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=([\w-]+))/.exec(out);
      if (m) resolve({ child, url: m[1], origin: new URL(m[1]).origin, token: m[2] });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

async function call(server, method, input) {
  const res = await fetch(`${server.origin}/api/invoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Bindeled-Token': server.token },
    body: JSON.stringify({ method, input }),
  });
  const body = await res.json();
  if (!body.ok) throw new Error(`${method}: ${body.error.message}`);
  return body.value;
}

async function seed(server) {
  await call(server, 'settings.update', { 'user.name': 'Mette Sørensen', 'ui.language': 'da' });
  const consultants = [];
  for (const name of CONSULTANTS) consultants.push(await call(server, 'consultants.ensure', { name }));
  let n = 0;
  for (const [name, owner, postcode, city, kommune, industry, employees, legalForm, status, who] of COMPANIES) {
    n++;
    const registered = n % 9 !== 0;
    await call(server, 'companies.create', {
      name,
      ownerName: owner,
      cvr: registered ? validCvr(25_000_000 + n * 734_531) : null,
      postcode,
      city,
      kommuneCode: KOMMUNER[kommune],
      industryCode: industry,
      employees,
      legalForm,
      status,
      statusReason: status === 'closed' ? 'Forløbet er afsluttet efter henvisning til Erhvervshus Midtjylland' : null,
      consultantId: who === null ? null : consultants[who].id,
    });
  }
}

async function main() {
  ensureBuilt();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bindeled-shot-'));
  const server = await startServer(path.join(dir, 'demo.db'));
  let browser;
  try {
    await seed(server);
    browser = await chromium.launch(
      existsSync(SYSTEM_CHROMIUM)
        ? { executablePath: SYSTEM_CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] }
        : {},
    );
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'da-DK' });
    await page.goto(`${server.url}#/companies`);
    const rows = page.locator('table[role="grid"] tbody tr:not(.placeholder)');
    await rows.first().waitFor();
    // A sorted column and an active row show how the table looks in use.
    await page.getByRole('button', { name: 'Kommune', exact: true }).click();
    await rows.first().waitFor();
    await rows.nth(2).click();
    await page.mouse.move(0, 0);
    mkdirSync(path.dirname(OUT), { recursive: true });
    await page.screenshot({ path: OUT });
    console.log(`Skærmbillede gemt: ${path.relative(ROOT, OUT)}`);
    await guideShots(browser);
  } finally {
    await browser?.close();
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A letter dialog has finished checking what the letter needs. */
async function checked(page) {
  await page.getByRole('dialog').getByText('Kontrollerer oplysningerne').waitFor({ state: 'detached' });
}

/** The user guide's pictures, in the order the guide tells them. */
async function guideShots(browser) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bindeled-guide-'));
  const server = await startServer(path.join(dir, 'guide.db'));
  const shot = async (page, name) => {
    await page.mouse.move(0, 0);
    const file = path.join(ROOT, 'docs', 'screenshots', `guide-${name}.png`);
    await page.screenshot({ path: file });
    console.log(`Skærmbillede gemt: ${path.relative(ROOT, file)}`);
  };
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'da-DK' });
    await page.goto(`${server.url}#/companies`);
    await page.getByRole('button', { name: 'Opret demoprogram' }).waitFor();
    await shot(page, 'first-start');

    await page.getByRole('button', { name: 'Opret demoprogram' }).click();
    await page.getByRole('heading', { level: 1, name: 'Programrapport' }).waitFor();
    await page.locator('.kpi-card').first().waitFor();
    await page
      .locator('.toast-close')
      .first()
      .click()
      .catch(() => {});
    await shot(page, 'report');

    await page.goto(`${server.origin}/#/companies`);
    await page.locator('table[role="grid"] tbody tr:not(.placeholder)').first().waitFor();
    await shot(page, 'caseload');

    // A firm whose LAG application is being drafted: its referral letter and LAG draft can both be made.
    const drafting = (await call(server, 'pipelines.lag', { filters: { status: ['drafting'] }, limit: 1 })).rows[0];
    const firmId = drafting?.companyId ?? (await call(server, 'companies.list', { limit: 1 })).rows[0].id;
    const base = `${server.origin}/#/companies/${firmId}`;
    await page.goto(base);
    await page.getByRole('region', { name: 'Hvad nu' }).waitFor();
    await shot(page, 'company');

    await page.goto(`${base}/visits/new`);
    await page.getByLabel('Dato', { exact: true }).waitFor();
    await page.locator('.visit-needs input').nth(1).check();
    await page.locator('.visit-needs input').nth(3).check();
    await shot(page, 'visit');
    await page.keyboard.press('Escape');
    const leave = page.getByRole('dialog');
    if (await leave.isVisible().catch(() => false)) await leave.getByRole('button').last().click();

    await page.goto(`${base}/referrals`);
    await page.getByRole('button', { name: /Ny henvisning/ }).waitFor();
    await shot(page, 'referrals');

    await page.goto(`${base}/documents`);
    await page.getByRole('button', { name: 'Dan Henvisningsbrev' }).click();
    await page.getByRole('dialog').waitFor();
    await checked(page);
    await shot(page, 'letter');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: /LAG-ansøgning/ }).click();
    await page.getByRole('dialog').waitFor();
    await checked(page);
    await shot(page, 'lag');
    await page.keyboard.press('Escape');

    await page.goto(`${server.origin}/#/import`);
    await page.getByRole('button', { name: 'Vælg fil …' }).waitFor();
    await shot(page, 'import');

    await page.goto(`${server.origin}/#/companies`);
    await page.getByRole('button', { name: /^Eksportér/ }).click();
    await page.locator('.export-menu .menu-item').nth(1).click();
    await page.getByRole('dialog').waitFor();
    await shot(page, 'export');
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
