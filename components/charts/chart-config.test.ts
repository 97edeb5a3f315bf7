import { describe, expect, it } from 'vitest';
import { autoConfig, configStyle, cssKey } from './chart-config';

describe('chart config', () => {
  it.each([
    ['completed', 'completed'],
    ['no_answer', 'no_answer'],
    ['store 12/a', 'store_2012_2fa'],
  ])('cssKey(%s) = %s', (key, css) => {
    expect(cssKey(key)).toBe(css);
  });

  it('maps series to Tailwind variables with fallbacks, fixed colours first', () => {
    const config = autoConfig(['completed', 'busy'], { completed: 'emerald-600' });
    expect(config.completed?.color).toBe('emerald-600');
    expect(config.busy?.color).toBe('blue-600');
    expect(configStyle(config)).toEqual({ '--color-completed': 'var(--color-emerald-600, #059669)', '--color-busy': 'var(--color-blue-600, #2563eb)' });
  });
});
