/**
 * Browser-test harness: Debian's Chromium driven by playwright-core (no browser download), a real
 * `candor serve --demo` on a free port with its own data folder, axe-core for accessibility, and
 * screenshots. Screenshots go to `test/browser/.out/`; with CANDOR_SCREENSHOTS=docs the main pages
 * are also written to `docs/screenshots/` (how the README's pictures are made).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { serve, type RunningServer } from '../../src/cli/commands/serve.js';

const root = path.resolve(import.meta.dirname, '..', '..');
export const OUT_DIR = path.join(root, 'test', 'browser', '.out');
export const DOCS_DIR = path.join(root, 'docs', 'screenshots');
export const DEMO_PASSWORD = 'demo-password-for-tests';

/** Debian's Chromium, or CHROMIUM_PATH; null when neither is installed. */
export function chromiumPath(): string | null {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** Whether the web app has been built (`npm run build` writes dist/web). */
export function webAppBuilt(): boolean {
  return fs.existsSync(path.join(root, 'dist', 'web', 'index.html'));
}

export interface Harness {
  readonly server: RunningServer;
  readonly browser: Browser;
  readonly url: string;
  readonly dataDir: string;
  /** A fresh browser context (own cookies), signed in as the demo person with this email. */
  signIn(email: string): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/**
 * Starts the demo server and Chromium. `fakeAudio` (a WAV file) becomes the microphone.
 * @example const h = await startHarness({ fakeAudio: wav }); const { page } = await h.signIn('recruiter@example.com')
 */
export async function startHarness(options: { fakeAudio?: string } = {}): Promise<Harness> {
  const executablePath = chromiumPath();
  if (executablePath === null) throw new Error('Chromium not found: apt-get install chromium');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-browser-'));
  const server = await serve({
    port: 0,
    dataDir,
    demo: true,
    logger: false,
    print: () => undefined,
    env: { ...process.env, CANDOR_DEMO_PASSWORD: DEMO_PASSWORD, HOST: '127.0.0.1', PORT: '' },
  });
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      ...(options.fakeAudio ? [`--use-file-for-fake-audio-capture=${options.fakeAudio}`] : []),
    ],
  });
  const url = server.url;
  return {
    server,
    browser,
    url,
    dataDir,
    async signIn(email) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, baseURL: url });
      await context.grantPermissions(['microphone', 'camera'], { origin: url });
      const page = await context.newPage();
      await page.goto('/login');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      return { context, page };
    },
    async close() {
      await browser.close();
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly string[];
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  // A string, so this file needs no DOM types; it runs in the page.
  return page.evaluate<AxeViolation[]>(`(async () => {
    const result = await window.axe.run(document);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  })()`);
}

/** Saves a full-page screenshot as `<name>.png` (and into docs/screenshots with CANDOR_SCREENSHOTS=docs). */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  if (process.env.CANDOR_SCREENSHOTS === 'docs') {
    fs.mkdirSync(DOCS_DIR, { recursive: true });
    fs.copyFileSync(file, path.join(DOCS_DIR, `${name}.png`));
  }
  return file;
}

/** A WAV of real speech for the fake microphone (ffmpeg converts a shared recording). */
export function speechWav(dir: string): string | null {
  const source = path.resolve(root, '..', 'shared', 'data', 'speech', 'jfk.flac');
  if (!fs.existsSync(source)) return null;
  const out = path.join(dir, 'mic.wav');
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', source, '-ac', '1', '-ar', '48000', out]);
  return out;
}
