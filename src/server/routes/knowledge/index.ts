import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { closeTagThread } from '../../../knowledge/index.js';
import type { RouteDeps } from '../../deps.js';
import { drainUnreadBody } from '../interviews/upload-stream.js';
import { createImportRunner } from './import-runner.js';
import { importRoutes } from './imports.js';
import { createRetagRunner } from './retag-runner.js';
import { retagRoutes } from './retag.js';
import { savedSearchRoutes } from './saved-searches.js';

export { KNOWLEDGE_IMPORT } from './import-runner.js';
export { KNOWLEDGE_RETAG } from './retag-runner.js';

/**
 * The knowledge base's bulk import over HTTP, re-tagging stored conversations, and saved searches
 * (issue 16). Imports and re-tags run in this process (`createImportRunner`, `createRetagRunner`);
 * closing the server waits for the ones running.
 * @example await api.register(knowledgeRoutes({ store, config }))
 */
export function knowledgeRoutes(deps: RouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // A file over the transcript limit is reported failed on its own, not thrown (import-upload.ts).
    await app.register(multipart, { throwFileSizeLimit: false });
    app.addHook('onSend', drainUnreadBody(deps.config.uploadLimitBytes + 1024 * 1024));
    const runner = createImportRunner(deps.store, deps.config, app.log);
    const retagger = createRetagRunner(deps.store, app.log);
    app.addHook('onClose', async () => {
      await Promise.all([runner.idle(), retagger.idle()]);
      await closeTagThread();
    });
    // Imports and re-tags a stopped server left queued are taken up now.
    app.addHook('onReady', () => {
      runner.kick();
      retagger.kick();
    });
    await app.register(importRoutes(deps, runner));
    await app.register(retagRoutes(deps, retagger));
    await app.register(savedSearchRoutes(deps));
  };
}
