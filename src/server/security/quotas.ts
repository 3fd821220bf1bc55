import { CandorError } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import type { SecurityConfig } from './security-config.js';

const MB = 1024 * 1024;
const inMb = (bytes: number) => `${Math.ceil(bytes / MB)} MB`;

/**
 * Refuses a new practice interview once the student owns CANDOR_PRACTICE_QUOTA of them.
 * @throws CandorError('QUOTA_EXCEEDED', …, { quota: 'practice', limit, used })
 * @example await checkPracticeQuota(store, config.security, user.id)
 */
export async function checkPracticeQuota(
  store: Store,
  security: SecurityConfig,
  userId: string,
): Promise<void> {
  const used = await store.usage.practiceInterviews(userId);
  if (used >= security.practiceQuota) {
    throw new CandorError(
      'QUOTA_EXCEEDED',
      `you have ${used} practice interviews, the most allowed (${security.practiceQuota}); delete some to start another`,
      { quota: 'practice', limit: security.practiceQuota, used },
    );
  }
}

/**
 * Refuses an upload that would take the recordings of the user's own interviews past
 * CANDOR_UPLOAD_QUOTA_MB. `incomingBytes` is the request's Content-Length (the file plus a few
 * hundred bytes of form fields), checked before a byte is read.
 * @throws CandorError('QUOTA_EXCEEDED', …, { quota: 'upload', limitBytes, usedBytes, incomingBytes })
 * @example await checkUploadQuota(store, config.security, user.id, Number(request.headers['content-length'] ?? 0))
 */
export async function checkUploadQuota(
  store: Store,
  security: SecurityConfig,
  userId: string,
  incomingBytes: number,
): Promise<void> {
  const used = await store.usage.uploadedBytes(userId);
  if (used + incomingBytes > security.uploadQuotaBytes) {
    throw new CandorError(
      'QUOTA_EXCEEDED',
      `this upload (${inMb(incomingBytes)}) would take your recordings to ${inMb(used + incomingBytes)}, ` +
        `past your quota of ${inMb(security.uploadQuotaBytes)}; delete older practice to make room`,
      { quota: 'upload', limitBytes: security.uploadQuotaBytes, usedBytes: used, incomingBytes },
    );
  }
}
