import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNAL_CATALOGUE } from '../analysis/index.js';
import { loadFramework } from '../assessment/index.js';
import { openStore, type Store } from '../store/index.js';
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import {
  incomingFile,
  readPracticeQuestion,
  resolveMediaPath,
  sweepIncoming,
  writePracticeQuestion,
} from './interview-files.js';
import { findFramework, findQuestionSet, planInterview } from './interview-plan.js';
import { hiringFixture, tempDir } from './test-helpers.js';

const data = tempDir('candor-plan-');
const mediaDir = path.join(data.dir, 'media');
let store: Store;
let mine = '';
let theirs = '';
const bank = (id: string) => ({
  id,
  name: id,
  version: '1',
  questions: [{ id: 'q1', text: 'Tell me about a hard week.', competencies: [], keyPoints: [] }],
});
const framework = (id: string) => ({
  ...loadFramework('default', new Set(SIGNAL_CATALOGUE.map((s) => s.id))),
  id,
  name: id,
});

beforeAll(async () => {
  store = await openStore({ dataDir: data.dir });
  mine = (await store.workspaces.ensure({ slug: 'plan-mine' })).id;
  theirs = (await store.workspaces.ensure({ slug: 'plan-theirs' })).id;
  await store.questionSets.save(bank('their-bank'), { workspaceId: theirs });
  await store.questionSets.save(bank('my-bank'), { workspaceId: mine });
  await store.frameworks.save({
    id: 'their-fw',
    version: '1.0.0',
    name: 'x',
    definition: framework('their-fw'),
    workspaceId: theirs,
  });
});
afterAll(async () => {
  await store.close();
  data.cleanup();
});

describe('findQuestionSet', () => {
  it("finds the workspace's own sets and the built-in files, not another workspace's", async () => {
    expect((await findQuestionSet(store, mine, 'my-bank')).builtIn).toBe(false);
    expect(await findQuestionSet(store, mine, 'default')).toMatchObject({ id: 'default', builtIn: true });
    await expect(findQuestionSet(store, mine, 'their-bank')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'question set their-bank not found',
    });
  });

  it('never reads a file for an id that looks like a path', async () => {
    for (const id of ['../../frameworks/questions/default', 'examples/questions/sdr.yaml', '/etc/passwd']) {
      await expect(findQuestionSet(store, mine, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});

describe('findFramework', () => {
  it("uses built-in files and the workspace's own frameworks, not another workspace's", async () => {
    expect((await findFramework(store, mine, 'default')).id).toBe('default');
    expect((await findFramework(store, theirs, 'their-fw')).id).toBe('their-fw');
    await expect(findFramework(store, mine, 'their-fw')).rejects.toMatchObject({
      code: 'FRAMEWORK_NOT_FOUND',
    });
    await expect(findFramework(store, mine, '../frameworks/default.yaml')).rejects.toMatchObject({
      code: 'FRAMEWORK_NOT_FOUND',
    });
  });
});

describe('planInterview', () => {
  it("scores a hiring interview against its job's question set, a practice one against the practised question", async () => {
    const hiring = await hiringFixture(store, 'plan-mine', { questionSetId: 'my-bank' });
    const interview = await store.interviews.create({
      workspaceId: mine,
      applicationId: hiring.applicationId,
      kind: 'live',
    });
    const plan = await planInterview(store, mediaDir, interview);
    expect(plan).toMatchObject({
      questionSetId: 'my-bank',
      practised: null,
      job: { title: 'Sales Development Representative' },
    });
    expect(plan.framework.id).toBe('default');

    const practice = await store.interviews.create({
      workspaceId: mine,
      kind: 'practice',
      title: 'Tell me about a hard week.',
    });
    await writePracticeQuestion(mediaDir, practice, { questionSetId: 'my-bank', questionId: 'q1' });
    expect(await readPracticeQuestion(mediaDir, practice)).toEqual({
      questionSetId: 'my-bank',
      questionId: 'q1',
    });
    const practised = await planInterview(store, mediaDir, practice);
    expect(practised).toMatchObject({ questionSetId: 'my-bank', job: null, practised: { id: 'q1' } });
  });

  it('keeps storage paths inside the media folder', () => {
    expect(() => resolveMediaPath(mediaDir, '../secret')).toThrow(/leaves the media folder/);
    expect(resolveMediaPath(mediaDir, 'ws/intv/m.webm')).toBe(
      path.join(path.resolve(mediaDir), 'ws/intv/m.webm'),
    );
  });
});

describe('sweepIncoming', () => {
  it('deletes only uploads left behind long ago', async () => {
    const stale = await incomingFile(mediaDir);
    const fresh = await incomingFile(mediaDir);
    writeFileSync(stale, 'x');
    writeFileSync(fresh, 'y');
    const dayAgo = (Date.now() - 25 * 3600_000) / 1000;
    utimesSync(stale, dayAgo, dayAgo);
    expect(await sweepIncoming(mediaDir)).toBe(1);
    expect([existsSync(stale), existsSync(fresh)]).toEqual([false, true]);
  });
});
