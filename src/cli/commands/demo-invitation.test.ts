import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashLinkToken } from '../../invitations/link-token.js';
import { openStore } from '../../store/index.js';
import { demoInvitationLink, DEMO_INVITEE } from './demo-invitation.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-demo-link-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the demo interview link printed by `serve --demo`', () => {
  it('gives a working link at every start; the previous one stops working', async () => {
    const store = await openStore({ dataDir: dir });
    try {
      const ws = await store.workspaces.ensure({ slug: 'demo', name: 'Candor demo' });
      expect(await demoInvitationLink(store, ws.id, new Date())).toBeNull();
      await store.jobs.create({ workspaceId: ws.id, title: 'Support lead', description: 'Leads support.' });
      await store.users.create({
        workspaceId: ws.id,
        email: 'recruiter@example.com',
        name: 'Rita Reyes',
        role: 'recruiter',
        password: 'a long demo password',
      });
      const first = await demoInvitationLink(store, ws.id, new Date());
      const second = await demoInvitationLink(store, ws.id, new Date());
      expect(first).toMatch(/^\/take\/[A-Za-z0-9_-]{43}$/);
      expect(second).not.toBe(first);
      const token = (link: string | null) => hashLinkToken((link ?? '').replace('/take/', ''));
      expect(await store.invitations.findByTokenHash(token(first))).toBeNull();
      const open = await store.invitations.findByTokenHash(token(second));
      expect(open).toMatchObject({ status: 'invited', textAnswers: true });
      const candidate = await store.candidates.get(open?.candidateId ?? '');
      expect(candidate).toMatchObject({ name: DEMO_INVITEE.name, email: DEMO_INVITEE.email });
      expect((await store.invitations.listByJob(open?.jobId ?? '')).length).toBe(1);
    } finally {
      await store.close();
    }
  });
});
