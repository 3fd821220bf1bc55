/**
 * Recording positions and per-workspace catalogue ids (issue 10); registered by `describeStore`,
 * so both databases run them.
 */
import { describe, expect, it } from 'vitest';
import { newId } from '../core/index.js';
import type { Store } from './index.js';
import type { NewMedia } from './repositories/media.js';
import { candorError, seedInterview } from './store-fixtures.suite.js';

export function describeScopingCases(store: () => Store): void {
  describe('media positions', () => {
    const recording = (
      workspaceId: string,
      interviewId: string,
      name: string,
    ): Omit<NewMedia, 'position'> => ({
      workspaceId,
      interviewId,
      questionId: null,
      questionText: null,
      fileName: name,
      storagePath: `${interviewId}/${name}`,
      contentType: 'audio/wav',
      bytes: 1,
      sha256: 'x',
      durationSeconds: null,
    });

    it('appends in parallel at distinct positions, and refuses a taken position to add', async () => {
      const { workspace, interview } = await seedInterview(store());
      const added = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          store().media.append(recording(workspace.id, interview.id, `${i}.wav`)),
        ),
      );
      expect(added.map((m) => m.position).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 12 }, (_, i) => i),
      );
      expect(await store().media.nextPosition(interview.id)).toBe(12);
      const taken = await candorError(
        store().media.add({ ...recording(workspace.id, interview.id, 'x.wav'), position: 3 }),
      );
      expect(taken.code).toBe('CONFLICT');
      expect(taken.details).toMatchObject({ interviewId: interview.id, position: 3 });
    });

    it('put replaces the one recording at a position, and keeps it when the write fails', async () => {
      const { workspace, interview } = await seedInterview(store());
      const first = await store().media.append(recording(workspace.id, interview.id, 'a.wav'));
      const second = await store().media.append(recording(workspace.id, interview.id, 'b.wav'));
      const { media, replaced } = await store().media.put({
        ...recording(workspace.id, interview.id, 'retake.wav'),
        position: 0,
      });
      expect(replaced?.id).toBe(first.id);
      expect((await store().media.listByInterview(interview.id)).map((m) => m.id)).toEqual([
        media.id,
        second.id,
      ]);
      // Reusing the id of the recording at position 1 makes the insert fail after the delete ran.
      await expect(
        store().media.put({
          ...recording(workspace.id, interview.id, 'bad.wav'),
          id: second.id,
          position: 0,
        }),
      ).rejects.toThrow();
      expect((await store().media.listByInterview(interview.id)).map((m) => m.id)).toEqual([
        media.id,
        second.id,
      ]);
      const fresh = await store().media.put({
        ...recording(workspace.id, interview.id, 'c.wav'),
        position: 2,
      });
      expect(fresh.replaced).toBeNull();
    });
  });

  describe('catalogue ids per workspace', () => {
    const set = (id: string, name: string) => ({
      id,
      name,
      version: '1',
      questions: [{ id: 'why', text: 'Why this role?', competencies: [], keyPoints: [] }],
    });

    it('question sets: two workspaces hold the same id apart; find prefers its own over a built-in row', async () => {
      const id = newId('qs');
      const a = await store().workspaces.ensure({ slug: newId('ws-a') });
      const b = await store().workspaces.ensure({ slug: newId('ws-b') });
      await store().questionSets.save(set(id, 'A'), { workspaceId: a.id });
      await store().questionSets.save(set(id, 'B'), { workspaceId: b.id });
      await store().questionSets.save(set(id, 'A again'), { workspaceId: a.id });
      expect((await store().questionSets.get(id, a.id)).name).toBe('A again');
      expect((await store().questionSets.get(id, b.id)).name).toBe('B');
      expect((await candorError(store().questionSets.get(id))).code).toBe('NOT_FOUND');
      const c = await store().workspaces.ensure({ slug: newId('ws-c') });
      expect(await store().questionSets.find(c.id, id)).toBeNull();
      expect((await store().questionSets.listVisible(a.id)).filter((s) => s.id === id)).toEqual([
        { id, name: 'A again', version: '1', workspaceId: a.id, questionCount: 1 },
      ]);
      await store().questionSets.save(set(id, 'Built in'), { workspaceId: null });
      expect((await store().questionSets.find(c.id, id))?.name).toBe('Built in');
      expect((await store().questionSets.find(a.id, id))?.name).toBe('A again');
    });

    it('frameworks: the same id and version in two workspaces; a changed version is refused only within one', async () => {
      const id = newId('fw');
      const a = await store().workspaces.ensure({ slug: newId('ws-a') });
      const b = await store().workspaces.ensure({ slug: newId('ws-b') });
      const save = (workspaceId: string, definition: unknown) =>
        store().frameworks.save({ id, version: '1', name: id, definition, workspaceId });
      await save(a.id, { side: 'a' });
      await save(b.id, { side: 'b' });
      expect(await save(a.id, { side: 'a' })).toMatchObject({ workspaceId: a.id });
      expect((await candorError(save(a.id, { side: 'changed' }))).code).toBe('CONFLICT');
      expect((await store().frameworks.get(id, '1', b.id)).definition).toEqual({ side: 'b' });
      expect((await store().frameworks.visibleVersions(a.id, id)).map((f) => f.definition)).toEqual([
        { side: 'a' },
      ]);
      expect(await store().frameworks.versions(id)).toEqual([]);
    });
  });
}
