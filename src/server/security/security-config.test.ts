import { describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY, loadSecurityConfig } from './security-config.js';

describe('loadSecurityConfig', () => {
  it('gives the documented defaults without settings', () => {
    expect(loadSecurityConfig({})).toEqual(DEFAULT_SECURITY);
    expect(DEFAULT_SECURITY.corsOrigins).toEqual([]);
  });

  it('reads every setting, in its unit', () => {
    const config = loadSecurityConfig({
      CANDOR_LOGIN_RATE_LIMIT: '10',
      CANDOR_LOGIN_MAX_FAILURES: '3',
      CANDOR_LOGIN_LOCKOUT_MINUTES: '2',
      CANDOR_PASSWORD_CHECKS: '2',
      CANDOR_TOKEN_RATE_LIMIT: '4',
      CANDOR_UPLOAD_RATE_LIMIT: '6',
      CANDOR_PRACTICE_QUOTA: '7',
      CANDOR_UPLOAD_QUOTA_MB: '1',
      CANDOR_CORS_ORIGINS: 'https://a.example.com, http://localhost:5173',
    });
    expect(config).toMatchObject({
      loginPerIpPerMinute: 10,
      loginMaxFailures: 3,
      loginLockoutMs: 120_000,
      passwordChecks: 2,
      tokensPerHour: 4,
      uploadsPerMinute: 6,
      practiceQuota: 7,
      uploadQuotaBytes: 1024 * 1024,
      corsOrigins: ['https://a.example.com', 'http://localhost:5173'],
    });
  });

  it.each([
    ['CANDOR_PRACTICE_QUOTA', 'lots'],
    ['CANDOR_LOGIN_MAX_FAILURES', '0'],
    ['CANDOR_PASSWORD_CHECKS', '1000'],
    ['CANDOR_CORS_ORIGINS', '*'],
    ['CANDOR_CORS_ORIGINS', 'https://a.example.com/path'],
  ])('refuses %s=%s with CONFIG_INVALID naming the setting', (setting, value) => {
    expect(() => loadSecurityConfig({ [setting]: value })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', details: { setting } }),
    );
  });
});
