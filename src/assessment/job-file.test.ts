import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../core/index.js';
import { parseJobDescription, readJobFile } from './job-file.js';

describe('job descriptions', () => {
  it('reads the title and the bullets under requirement headings of the example job', () => {
    const job = readJobFile(path.join(packageRoot(), 'examples', 'jobs', 'sdr.md'));
    expect(job.title).toBe('Sales Development Representative');
    expect(job.skills.length).toBeGreaterThanOrEqual(10);
    expect(job.skills.some((s) => /salesforce|hubspot/i.test(s))).toBe(true);
    expect(job.skills.every((s) => !s.startsWith('-') && !s.includes('**'))).toBe(true);
  });

  it('prefers skills from YAML front matter', () => {
    const job = parseJobDescription(
      '---\ntitle: Data analyst\nskills: [SQL, dashboards]\n---\nWe need an analyst.\n- ignored bullet\n',
    );
    expect(job).toMatchObject({ title: 'Data analyst', skills: ['SQL', 'dashboards'] });
  });

  it('falls back to every bullet when no heading names skills', () => {
    const job = parseJobDescription('# Barista\n\n- Make espresso drinks\n- Keep the counter clean\n');
    expect(job.skills).toEqual(['Make espresso drinks', 'Keep the counter clean']);
  });

  it('rejects an empty, a binary and a skill-less description with JOB_INVALID', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'candor-job-'));
    const empty = path.join(dir, 'empty.md');
    writeFileSync(empty, '   \n');
    const binary = path.join(dir, 'logo.md');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    expect(() => readJobFile(empty)).toThrow(/job description is empty/);
    expect(() => readJobFile(binary)).toThrow(/binary content at byte 8/);
    expect(() => parseJobDescription('We are hiring someone great.')).toThrow(/no skills found/);
    expect(() => readJobFile(path.join(dir, 'missing.md'))).toThrow(/cannot read job description/);
  });
});
