/** The scoring-model repository on a real database; registered by `describeStore`. */
import { describe, expect, it } from 'vitest';
import { newId } from '../core/index.js';
import type { NewModel, Store } from './index.js';
import { candorError } from './store-fixtures.suite.js';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function modelInput(workspaceId: string, id: string, version: number, target = 'overall'): NewModel {
  return {
    workspaceId,
    id,
    version,
    target,
    name: `${id} v${version}`,
    definition: { format: 'candor-model/1', id, version, target, weights: [0.1 * version, -0.2] },
    source: 'import',
    createdBy: 'cli',
  };
}

export function describeModelCases(store: () => Store): void {
  describe('scoring models', () => {
    const workspace = () => store().workspaces.ensure({ slug: newId('ws-models') });

    it('stores versions, reads the highest by default and lists them by id, highest first', async () => {
      const ws = await workspace();
      const first = await store().models.add(modelInput(ws.id, 'overall-model', 1));
      expect(first.added).toBe(true);
      expect(first.model).toMatchObject({ id: 'overall-model', version: 1, active: false, createdBy: 'cli' });
      expect(first.model.createdAt).toMatch(ISO_TIME);
      await store().models.add(modelInput(ws.id, 'overall-model', 2));
      await store().models.add(modelInput(ws.id, 'clarity', 1, 'clarity-coherence'));
      expect((await store().models.get(ws.id, 'overall-model')).version).toBe(2);
      expect(await store().models.get(ws.id, 'overall-model', 1)).toEqual(first.model);
      expect((await store().models.get(ws.id, 'overall-model', 1)).definition).toEqual(
        modelInput(ws.id, 'overall-model', 1).definition,
      );
      expect((await store().models.versions(ws.id, 'overall-model')).map((m) => m.version)).toEqual([2, 1]);
      expect((await store().models.list(ws.id)).map((m) => `${m.id}@${m.version}`)).toEqual([
        'clarity@1',
        'overall-model@2',
        'overall-model@1',
      ]);
    });

    it('adding the same version again changes nothing; other content under a stored version is a CONFLICT', async () => {
      const ws = await workspace();
      const input = modelInput(ws.id, 'm', 1);
      const { model } = await store().models.add(input);
      expect(await store().models.add(input)).toEqual({ model, added: false });
      const changed = await candorError(
        store().models.add({ ...input, definition: { ...(input.definition as object), weights: [9] } }),
      );
      expect(changed.code).toBe('CONFLICT');
      expect(changed.message).toBe(
        'model m version 1 is already stored with other content: give the new file a higher version',
      );
      const otherTarget = await candorError(store().models.add(modelInput(ws.id, 'm', 2, 'excited')));
      expect(otherTarget.code).toBe('CONFLICT');
      expect(otherTarget.message).toMatch(/^model m is stored for target overall, not excited/);
      expect(await store().models.versions(ws.id, 'm')).toEqual([model]);
    });

    it('keeps one active model per target: activating another version or id deactivates the one before', async () => {
      const ws = await workspace();
      await store().models.add(modelInput(ws.id, 'a', 1));
      await store().models.add(modelInput(ws.id, 'a', 2));
      await store().models.add(modelInput(ws.id, 'b', 1));
      await store().models.add(modelInput(ws.id, 'c', 1, 'excited'));
      expect(await store().models.active(ws.id, 'overall')).toBeNull();
      expect(await store().models.activate(ws.id, 'a', 1)).toMatchObject({
        id: 'a',
        version: 1,
        active: true,
      });
      await store().models.activate(ws.id, 'c', 1);
      expect(await store().models.active(ws.id, 'overall')).toMatchObject({ id: 'a', version: 1 });
      await store().models.activate(ws.id, 'a', 2);
      await store().models.activate(ws.id, 'b', 1);
      const active = (await store().models.list(ws.id)).filter((m) => m.active);
      expect(active.map((m) => `${m.id}@${m.version}`)).toEqual(['b@1', 'c@1']);
      expect(await store().models.active(ws.id, 'excited')).toMatchObject({ id: 'c', version: 1 });
    });

    it('the database itself refuses a second active model of a target', async () => {
      const ws = await workspace();
      await store().models.add(modelInput(ws.id, 'x', 1));
      await store().models.add(modelInput(ws.id, 'y', 1));
      await store().models.activate(ws.id, 'x', 1);
      const direct = await store()
        .db.updateTable('scoring_model')
        .set({ active: 1 })
        .where('workspace_id', '=', ws.id)
        .where('id', '=', 'y')
        .execute()
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(direct).not.toBeNull();
      expect((await store().models.active(ws.id, 'overall'))?.id).toBe('x');
    });

    it('names the model and version it cannot find, and keeps workspaces apart', async () => {
      const ws = await workspace();
      const other = await workspace();
      await store().models.add(modelInput(ws.id, 'mine', 1));
      const missing = await candorError(store().models.get(other.id, 'mine'));
      expect(missing.code).toBe('NOT_FOUND');
      expect(missing.message).toBe('model mine not found');
      const version = await candorError(store().models.activate(ws.id, 'mine', 3));
      expect(version.message).toBe('model mine version 3 not found');
      expect(version.details).toMatchObject({ entity: 'model', id: 'mine', version: 3 });
      expect(await store().models.list(other.id)).toEqual([]);
    });
  });
}
