import { describe, expect, it } from 'vitest';
import { firstName, longDate, render, renderMessage, TEMPLATES, variablesOf } from './templates.js';

describe('templates', () => {
  it('fills every variable and refuses a missing or blank one, naming it', () => {
    expect(
      render('Hi {{ firstName }}, see {{link}}', { firstName: 'Ana', link: 'https://x.test/take/1' }, 't'),
    ).toBe('Hi Ana, see https://x.test/take/1');
    expect(() => render('Hi {{firstName}}', {}, 'confirmation.email')).toThrow(
      'template confirmation.email: no value for {{firstName}}',
    );
    expect(() => render('Hi {{firstName}} {{jobTitle}}', { firstName: ' ', jobTitle: null }, 'x')).toThrow(
      'no value for {{firstName}}, {{jobTitle}}',
    );
    expect(() => render('Hi {{first name}}', { 'first name': 'A' }, 'x')).toThrow(/is not a variable/);
  });

  it('every built-in template renders with its own variables and keeps SMS short', () => {
    for (const [flow, channels] of Object.entries(TEMPLATES)) {
      for (const [channel, template] of Object.entries(channels)) {
        const values = Object.fromEntries(variablesOf(template).map((v) => [v, `<${v}>`]));
        const { body } = renderMessage(flow, channel as 'email' | 'sms', values);
        expect(body).not.toMatch(/\{\{|\}\}/);
        if (channel === 'sms') expect(body.length, `${flow}.sms`).toBeLessThan(320);
      }
    }
  });

  it('writes dates and names the way people read them', () => {
    expect(longDate('2026-11-26')).toBe('Thursday, 26 November 2026');
    expect(firstName('  Ana María Díaz ')).toBe('Ana');
  });
});
