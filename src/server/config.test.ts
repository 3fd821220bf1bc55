import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CandorError } from '../core/index.js';
import { loadServerConfig } from './config.js';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-config-'));
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

function configError(env: NodeJS.ProcessEnv): CandorError {
  try {
    loadServerConfig(env, { dataDir: tempDir });
  } catch (error) {
    if (error instanceof CandorError) return error;
    throw error;
  }
  throw new Error('expected a CandorError');
}

describe('loadServerConfig', () => {
  it('defaults to 127.0.0.1:3000', () => {
    const config = loadServerConfig({ CANDOR_SECRET: 's'.repeat(32) }, { dataDir: tempDir });
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      trustProxy: false,
      secret: 's'.repeat(32),
    });
  });

  it('names the bad setting and the value it got', () => {
    const port = configError({ PORT: 'abc' });
    expect(port.code).toBe('CONFIG_INVALID');
    expect(port.message).toBe('PORT: expected an integer between 1 and 65535, got "abc"');
    expect(port.details).toEqual({ setting: 'PORT' });
    expect(configError({ PORT: '70000' }).message).toMatch(/^PORT: .*got "70000"/);
    expect(configError({ CANDOR_SECRET: 'short' }).details).toEqual({ setting: 'CANDOR_SECRET' });
    expect(configError({ TRUST_PROXY: 'maybe' }).message).toBe('TRUST_PROXY: expected true or false');
  });

  it('reads the recording length limit in minutes, 60 by default', () => {
    const secret = { CANDOR_SECRET: 's'.repeat(32) };
    expect(loadServerConfig(secret, { dataDir: tempDir }).recordingLimitMinutes).toBe(60);
    const set = { ...secret, CANDOR_RECORDING_LIMIT_MINUTES: '90' };
    expect(loadServerConfig(set, { dataDir: tempDir }).recordingLimitMinutes).toBe(90);
    const zero = configError({ ...secret, CANDOR_RECORDING_LIMIT_MINUTES: '0' });
    expect(zero.details).toEqual({ setting: 'CANDOR_RECORDING_LIMIT_MINUTES' });
    expect(zero.message).toBe(
      'CANDOR_RECORDING_LIMIT_MINUTES: expected an integer between 1 and 1440, got "0"',
    );
  });

  it('generates a secret once, keeps it in <dataDir>/secret with mode 0600', () => {
    const dataDir = path.join(tempDir, 'fresh');
    const first = loadServerConfig({ PORT: '8080' }, { dataDir });
    const second = loadServerConfig({}, { dataDir });
    expect(first.port).toBe(8080);
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(second.secret).toBe(first.secret);
    const file = path.join(dataDir, 'secret');
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(first.secret);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
});
