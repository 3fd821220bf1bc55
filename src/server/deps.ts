import type { Store } from '../store/index.js';
import type { ServerConfig } from './config.js';

/** What every route plugin is built from. */
export interface RouteDeps {
  readonly store: Store;
  readonly config: ServerConfig;
}
