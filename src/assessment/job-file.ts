import { readFileSync, statSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { CandorError } from '../core/index.js';
import type { JobProfile } from '../domain/index.js';

const SKILL_HEADING =
  /requirement|skill|qualification|you have|you bring|what we look|must have|nice to have|responsibilit|you will|what you.ll do|competenc/i;
const BULLET = /^\s*(?:[-*+•]|\d+[.)])\s+(.*)$/;
const MAX_BYTES = 1024 * 1024;

/**
 * Reads a job description (Markdown or plain text, optional YAML front matter with `title` and
 * `skills`). Skills are the bullets under headings such as "Requirements" or "What you'll do",
 * or every bullet when no such heading exists.
 * @example readJobFile('examples/jobs/sdr.md').skills[0]
 */
export function readJobFile(file: string): JobProfile {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    throw new CandorError('JOB_INVALID', `cannot read job description ${file}`, { file }, { cause: error });
  }
  if (size > MAX_BYTES) {
    throw new CandorError(
      'JOB_INVALID',
      `${file}: job description is ${size} bytes, the limit is ${MAX_BYTES}`,
      { file },
    );
  }
  const buffer = readFileSync(file);
  const nul = buffer.indexOf(0);
  if (nul >= 0) {
    throw new CandorError(
      'JOB_INVALID',
      `${file}: not a text job description (binary content at byte ${nul})`,
      { file },
    );
  }
  return parseJobDescription(buffer.toString('utf8'), file);
}

/** Parses job-description text; `file` only names the source in errors. */
export function parseJobDescription(text: string, file = 'job description'): JobProfile {
  let body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let front: { title?: unknown; skills?: unknown } = {};
  const fm = /^---\n([\s\S]*?)\n---\n?/.exec(body);
  if (fm) {
    try {
      front = (parseYaml(fm[1] ?? '') ?? {}) as typeof front;
    } catch (error) {
      throw new CandorError(
        'JOB_INVALID',
        `${file}: front matter is not valid YAML`,
        { file, line: 2 },
        { cause: error },
      );
    }
    body = body.slice(fm[0].length);
  }
  if (body.trim() === '') throw new CandorError('JOB_INVALID', `${file}: job description is empty`, { file });

  const lines = body.split('\n');
  const heading = lines.find((l) => /^#\s+/.test(l));
  const title =
    (typeof front.title === 'string' && front.title) ||
    (heading ? heading.replace(/^#\s+/, '').trim() : (lines.find((l) => l.trim() !== '') ?? '').trim());

  let skills: string[];
  if (Array.isArray(front.skills)) {
    skills = front.skills
      .filter((s): s is string => typeof s === 'string' && s.trim() !== '')
      .map(cleanSkill);
  } else {
    const underSkillHeadings: string[] = [];
    const all: string[] = [];
    let inSkills = false;
    for (const line of lines) {
      if (/^#{1,6}\s+/.test(line) || /^\s*\*\*[^*]+\*\*\s*:?\s*$/.test(line)) {
        inSkills = SKILL_HEADING.test(line);
        continue;
      }
      const bullet = BULLET.exec(line);
      if (!bullet?.[1]) continue;
      all.push(cleanSkill(bullet[1]));
      if (inSkills) underSkillHeadings.push(cleanSkill(bullet[1]));
    }
    skills = underSkillHeadings.length > 0 ? underSkillHeadings : all;
  }
  skills = [...new Set(skills.filter((s) => s.length >= 2))];
  if (skills.length === 0) {
    throw new CandorError(
      'JOB_INVALID',
      `${file}: no skills found; list them as bullets under a heading like "## Requirements", or as "skills:" in front matter`,
      { file },
    );
  }
  return { title, text: body.trim(), skills };
}

function cleanSkill(raw: string): string {
  return raw
    .replace(/[*_`]/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[.;,]\s*$/, '')
    .trim();
}
