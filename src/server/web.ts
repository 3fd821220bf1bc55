import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { packageRoot } from '../core/index.js';

/** Where `npm run build` puts the web app (Vite's output). */
export function webRoot(): string {
  return path.join(packageRoot(), 'dist', 'web');
}

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Candor</title>
<body style="font-family:system-ui;margin:3rem"><h1>Candor</h1>
<p>The web app has not been built. Run <code>npm run build</code>, then reload. The API is at
<a href="/api/docs">/api/docs</a>.</p></body></html>`;

/**
 * Serves the web app at `/`: its built files, and `index.html` for any other GET outside `/api`
 * so the app's own routes (`/jobs/…`) load on refresh. Hashed assets are cached for a year.
 */
export async function installWebApp(app: FastifyInstance, root = webRoot()): Promise<void> {
  const built = fs.existsSync(path.join(root, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      setHeaders: (res, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`)) {
          void res.header('cache-control', 'public, max-age=31536000, immutable');
        } else {
          void res.header('cache-control', 'no-cache');
        }
      },
    });
  }
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.callNotFound();
    }
    if (!built) return reply.type('text/html; charset=utf-8').send(NOT_BUILT);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
