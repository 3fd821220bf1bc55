import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserNeeds, startHarness, type Harness } from './harness.js';
import { checkPage, DESKTOP_VIEWPORT, expectFitsViewport, PHONE_VIEWPORT } from './page-checks.js';
import { requires } from '../../src/test-helpers.js';

// Uploads that tell the truth, in real Chromium: a PDF is refused with its reason and never shows
// "Uploaded"; a transcript whose speakers do not include the candidate asks which one is.
const SDR = 'Sales Development Representative';
const root = path.resolve(import.meta.dirname, '..', '..');
const ACCEPTS =
  'Candor accepts WAV, FLAC, MP3, MP4/M4A, OGG, WebM, MPEG and transcripts in VTT, SRT, text, JSON, CSV of turns';

requires(...browserNeeds()).describe(
  'uploads in the browser',
  () => {
    let h: Harness;
    let tmp: string;
    beforeAll(async () => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-upload-'));
      h = await startHarness();
    }, 120_000);
    afterAll(async () => {
      await h?.close();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('refuses a PDF with its reason, and asks which speaker is the candidate', async () => {
      const pdf = path.join(tmp, 'report.pdf');
      fs.writeFileSync(
        pdf,
        Buffer.concat([
          Buffer.from('%PDF-1.7\n%'),
          Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]),
          Buffer.from('\n1 0 obj\n'),
        ]),
      );
      const { context, page } = await h.signIn('recruiter@example.com');
      try {
        await page.getByRole('link', { name: SDR, exact: true }).click();
        await page.getByTestId('ranking-row').first().waitFor();
        await page.getByLabel('Name', { exact: true }).fill('Noor Haddad');
        await page.getByRole('button', { name: 'Add candidate' }).click();
        await page.getByText('Noor Haddad was added to this job.').waitFor();
        await page.getByLabel('Candidate', { exact: true }).selectOption({ label: 'Noor Haddad' });
        await page.getByRole('radio', { name: /transcript/i }).check();
        await page.getByLabel('Interview kind').selectOption('live');

        await page.getByLabel('Transcript file').setInputFiles(pdf);
        await page.getByRole('button', { name: 'Upload', exact: true }).click();
        const states = page.getByTestId('file-states');
        await states.getByRole('alert').waitFor();
        expect(await states.getByRole('alert').innerText()).toBe(
          `report.pdf is a PDF document, not a recording or a transcript: ${ACCEPTS}`,
        );
        expect(await states.locator('li').getAttribute('data-status')).toBe('refused');
        expect(await page.getByText('Uploaded', { exact: false }).count()).toBe(0);
        expect(await page.getByRole('button', { name: 'Analyse' }).isDisabled()).toBe(true);
        await checkPage(page, 'upload-refused', { docs: false });

        await page
          .getByLabel('Transcript file')
          .setInputFiles(path.join(root, 'examples', 'interviews', 'marcus-average.vtt'));
        expect(await states.getByRole('alert').count()).toBe(0);
        await page.getByRole('button', { name: 'Upload', exact: true }).click();
        const question = states.getByRole('group', { name: /Which speaker is Noor Haddad\?/ });
        await question.waitFor();
        const choices = await question
          .getByRole('radio')
          .evaluateAll((els) => els.map((el) => (el.parentElement?.textContent ?? '').trim()));
        expect(choices).toEqual([
          expect.stringMatching(/^Tom Brennan \(\d+ words\)$/),
          expect.stringMatching(/^Marcus Lee \(\d+ words\)$/),
        ]);
        // The speaker who answers the questions is offered first.
        expect(await question.getByRole('radio', { name: /^Marcus Lee/ }).isChecked()).toBe(true);
        expect(await page.getByText('Uploaded. Start the analysis').count()).toBe(0);
        for (const [viewport, label] of [
          [PHONE_VIEWPORT, '390 px'],
          [DESKTOP_VIEWPORT, '1280 px'],
        ] as const) {
          await page.setViewportSize(viewport);
          await expectFitsViewport(page, `upload speaker question at ${label}`);
        }
        await checkPage(page, 'upload-speaker-question', { docs: false });

        await question.getByRole('button', { name: 'Use this speaker' }).click();
        await page.getByText('Uploaded. Start the analysis when all answers are in.').waitFor();
        expect(await states.locator('li').getAttribute('data-status')).toBe('uploaded');
        expect(await page.getByRole('button', { name: 'Analyse' }).isDisabled()).toBe(false);
      } finally {
        await context.close();
      }
    }, 120_000);
  },
  180_000,
);
