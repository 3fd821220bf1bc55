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
import { need, type Need } from '../../src/test-helpers.js';

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

/**
 * What the browser tests need: Chromium and the built web app (skipped with the reason on a
 * developer's machine; in CI each missing one is a failure naming it).
 *
 * @example requires(...browserNeeds()).describe('the recruiter', () => { … })
 */
export function browserNeeds(): Need[] {
  const chromium: Need = {
    name: 'chromium',
    missing:
      chromiumPath() === null
        ? 'Chromium not found (CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser; Debian: apt-get install chromium)'
        : null,
  };
  return [chromium, need.built('dist/web/index.html')];
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
  if (!webAppBuilt()) throw new Error('dist/web is missing: run `npm run build` before the browser tests');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-browser-'));
  const server = await serve({
    port: 0,
    dataDir,
    demo: true,
    // The demo job's ranking and audit stay as seeded; take.test.ts invites its own candidates.
    demoInvitation: false,
    logger: false,
    print: () => undefined,
    // Hermetic: the temp folder's SQLite (never a DATABASE_URL of the shell), the worker in-process.
    env: {
      ...process.env,
      CANDOR_DEMO_PASSWORD: DEMO_PASSWORD,
      HOST: '127.0.0.1',
      PORT: '',
      DATABASE_URL: '',
      CANDOR_WORKER: 'true',
      CANDOR_DEFAULT_WORKSPACE: '',
    },
  });
  const closeServer = async () => {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  let browser: Browser;
  try {
    browser = await chromium.launch({
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
  } catch (error) {
    await closeServer();
    throw error;
  }
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
      try {
        await browser.close();
      } finally {
        await closeServer();
      }
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
  // Evaluated rather than added as an inline <script>, which the app's CSP (script-src 'self') blocks.
  await page.evaluate(axeSource);
  // A string, so this file needs no DOM types; it runs in the page.
  return page.evaluate<AxeViolation[]>(`(async () => {
    const result = await window.axe.run(document);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  })()`);
}

/**
 * Saves a full-page screenshot as `<name>.png` (and, for the README's main pages, into
 * docs/screenshots with CANDOR_SCREENSHOTS=docs; `docs: false` keeps a picture out of there).
 * @example await screenshot(page, 'jobs')
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { docs?: boolean } = {},
): Promise<string> {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, `${name}.png`);
  // Long pages (a scorecard runs to 8,000 px) are cut at 1,800 px: the part a person sees first.
  const height = await page.evaluate<number>('document.documentElement.scrollHeight');
  const width = page.viewportSize()?.width ?? 1280;
  await page.screenshot({
    path: file,
    fullPage: true,
    clip: { x: 0, y: 0, width, height: Math.min(height, 1800) },
  });
  if (process.env.CANDOR_SCREENSHOTS === 'docs' && options.docs !== false) {
    fs.mkdirSync(DOCS_DIR, { recursive: true });
    fs.copyFileSync(file, path.join(DOCS_DIR, `${name}.png`));
  }
  return file;
}

export interface SpeechFile {
  readonly file: string;
  /** Real recorded speech (/work/shared), speech synthesised by ffmpeg's flite filter, or a tone. */
  readonly source: 'recorded' | 'synthesised' | 'tone';
}

const sharedSpeech = path.resolve(root, '..', 'shared', 'data', 'speech', 'jfk.flac');

/** Answers spoken by flite when the shared recording is absent (Debian's ffmpeg has the filter). */
const SPOKEN_ANSWERS = [
  'In my last role I led a team of five sales representatives. We missed our target in the first quarter, so I set up weekly pipeline reviews, and we closed the gap within a month.',
  'When a customer was upset about a late delivery, I listened first, asked what mattered most to them, and then offered a partial refund and a faster shipping option.',
];

function ffmpeg(args: readonly string[]): boolean {
  try {
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    return true;
  } catch {
    return false;
  }
}

/**
 * `text` spoken by ffmpeg's flite filter into a mono WAV at `rate` Hz, after `pause` seconds of
 * silence (as a person collects their thoughts); else (no libflite) a 10 s tone.
 */
function synthesise(text: string, out: string, rate: number, pause = 0): SpeechFile {
  const flite = `flite=text='${text.replace(/[':\\]/g, ' ')}':voice=slt`;
  const delay = ['-af', `adelay=${Math.round(pause * 1000)}:all=1`];
  if (ffmpeg(['-f', 'lavfi', '-i', flite, ...delay, '-ac', '1', '-ar', String(rate), out])) {
    return { file: out, source: 'synthesised' };
  }
  if (
    !ffmpeg(['-f', 'lavfi', '-i', 'sine=frequency=220:duration=10', '-ac', '1', '-ar', String(rate), out])
  ) {
    throw new Error('ffmpeg is missing: apt-get install ffmpeg');
  }
  return { file: out, source: 'tone' };
}

/**
 * A 48 kHz mono WAV for the fake microphone: the shared JFK recording when it is here, else
 * synthesised speech (a tone only when ffmpeg lacks flite).
 * @example const mic = speechWav(tmp); await startHarness({ fakeAudio: mic.file })
 */
export function speechWav(dir: string): SpeechFile {
  const out = path.join(dir, 'mic.wav');
  if (fs.existsSync(sharedSpeech) && ffmpeg(['-i', sharedSpeech, '-ac', '1', '-ar', '48000', out])) {
    return { file: out, source: 'recorded' };
  }
  return synthesise(SPOKEN_ANSWERS[0] ?? '', out, 48_000);
}

/**
 * Two spoken answers as audio files to upload, named in answer order: the shared JFK recording
 * (FLAC) and a synthesised answer that starts after a 2.5 s pause, or two synthesised answers
 * when the shared data is absent. Each has quotes at least a second into its recording.
 * @example const [first, second] = answerRecordings(tmp)
 */
export function answerRecordings(dir: string): SpeechFile[] {
  const second = synthesise(SPOKEN_ANSWERS[1] ?? '', path.join(dir, '2-answer.wav'), 16_000, 2.5);
  if (!fs.existsSync(sharedSpeech)) {
    return [synthesise(SPOKEN_ANSWERS[0] ?? '', path.join(dir, '1-answer.wav'), 16_000, 1.5), second];
  }
  const first = path.join(dir, '1-answer.flac');
  fs.copyFileSync(sharedSpeech, first);
  return [{ file: first, source: 'recorded' }, second];
}
