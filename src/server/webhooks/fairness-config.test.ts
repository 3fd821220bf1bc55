import { describe, expect, it } from 'vitest';
import { CandorError } from '../../core/index.js';
import { loadFairnessConfig } from './fairness-config.js';

const SERVER_SECRET = 'server-secret-of-at-least-32-characters';

describe('loadFairnessConfig', () => {
  it('has the documented defaults, and the server secret signs without CANDOR_WEBHOOK_SECRET', () => {
    expect(loadFairnessConfig({}, SERVER_SECRET)).toEqual({
      window: 200,
      minGroup: 30,
      checkIntervalMs: 60_000,
      webhookUrl: null,
      webhookSecret: SERVER_SECRET,
      retryDelaysMs: [1000, 4000, 16000],
      timeoutMs: 10_000,
    });
    expect(
      loadFairnessConfig(
        {
          CANDOR_FAIRNESS_WINDOW: '500',
          CANDOR_FAIRNESS_MIN_GROUP: '50',
          CANDOR_FAIRNESS_WEBHOOK_URL: 'https://hooks.example.com/candor',
          CANDOR_WEBHOOK_SECRET: 'a-webhook-secret-here',
          CANDOR_WEBHOOK_RETRY_DELAYS_MS: '10,20',
        },
        SERVER_SECRET,
      ),
    ).toMatchObject({
      window: 500,
      minGroup: 50,
      webhookUrl: 'https://hooks.example.com/candor',
      webhookSecret: 'a-webhook-secret-here',
      retryDelaysMs: [10, 20],
    });
  });

  it.each([
    ['CANDOR_FAIRNESS_WINDOW', 'lots', /^CANDOR_FAIRNESS_WINDOW: expected an integer/],
    ['CANDOR_FAIRNESS_MIN_GROUP', '0', /^CANDOR_FAIRNESS_MIN_GROUP: expected at least 1/],
    ['CANDOR_FAIRNESS_WEBHOOK_URL', 'ftp://example.com/x', /^CANDOR_FAIRNESS_WEBHOOK_URL: expected an http/],
    ['CANDOR_WEBHOOK_SECRET', 'short', /^CANDOR_WEBHOOK_SECRET: expected at least 16 characters/],
    ['CANDOR_WEBHOOK_RETRY_DELAYS_MS', '1s,4s', /^CANDOR_WEBHOOK_RETRY_DELAYS_MS: expected milliseconds/],
  ])('refuses %s=%s naming the setting', (setting, value, message) => {
    let error: unknown;
    try {
      loadFairnessConfig({ [setting]: value }, SERVER_SECRET);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CandorError);
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', details: { setting } });
    expect((error as Error).message).toMatch(message);
  });
});
