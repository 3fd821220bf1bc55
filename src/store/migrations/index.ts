import type { Migration } from 'kysely';
import * as initial from './0001-initial.js';
import * as accounts from './0002-accounts.js';
import * as workflow from './0003-workflow.js';
import * as uploadPositions from './0004-upload-positions.js';
import * as workspaceCatalogue from './0005-workspace-catalogue.js';
import * as scorecardSummary from './0006-scorecard-summary.js';
import * as loginThrottle from './0007-login-throttle.js';
import * as ratings from './0008-ratings.js';
import * as models from './0009-models.js';
import * as demographics from './0010-demographics.js';
import * as fairnessAlerts from './0011-fairness-alerts.js';
import * as workspaceSettings from './0013-workspace-settings.js';
import * as invitations from './0014-invitations.js';
import * as messages from './0015-messages.js';
import * as bookings from './0016-bookings.js';
import * as scheduling from './0017-scheduling.js';
import * as pulse from './0018-pulse.js';
import * as microTasks from './0019-micro-tasks.js';
import * as agentSettings from './0020-agent-settings.js';
import * as interviewMetadata from './0021-interview-metadata.js';
import * as search from './0022-search.js';
import * as knowledgeTags from './0023-knowledge-tags.js';
import * as savedSearches from './0025-saved-searches.js';
import * as searchFacets from './0026-search-facets.js';

/**
 * Every migration, imported in code rather than found by scanning a folder, so the compiled
 * package in `dist/` migrates the same way the sources do. Names sort in the order they run.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-initial': initial,
  '0002-accounts': accounts,
  '0003-workflow': workflow,
  '0004-upload-positions': uploadPositions,
  '0005-workspace-catalogue': workspaceCatalogue,
  '0006-scorecard-summary': scorecardSummary,
  '0007-login-throttle': loginThrottle,
  '0008-ratings': ratings,
  '0009-models': models,
  '0010-demographics': demographics,
  '0011-fairness-alerts': fairnessAlerts,
  '0013-workspace-settings': workspaceSettings,
  '0014-invitations': invitations,
  '0015-messages': messages,
  '0016-bookings': bookings,
  '0017-scheduling': scheduling,
  '0018-pulse': pulse,
  '0019-micro-tasks': microTasks,
  '0020-agent-settings': agentSettings,
  '0021-interview-metadata': interviewMetadata,
  '0022-search': search,
  '0023-knowledge-tags': knowledgeTags,
  '0025-saved-searches': savedSearches,
  '0026-search-facets': searchFacets,
};
