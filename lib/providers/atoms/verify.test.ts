import { describe, expect, it } from 'vitest';
import { fixtureText } from '@/test/fixtures';
import { verifyInput as input } from '@/test/verify-input';
import { verifyAtoms } from './verify';

// Test vectors from shared/spec/providers.md §5, computed outside this codebase.
const ATOMS_SECRET = 'test_atoms_signing_secret';
const ATOMS_SIG = '86ccc92d934e545443b378a2e466e6478efa511c7809741f08a04f795997a530';

describe('Atoms X-Signature', () => {
  const body = fixtureText('atoms', 'test-vector.json');
  it('accepts the test vector and rejects a tampered body', () => {
    expect(body.length).toBe(381);
    expect(verifyAtoms(input(body, { 'x-signature': ATOMS_SIG }, [ATOMS_SECRET])).verification).toBe('valid');
    expect(verifyAtoms(input(body.replace('+91', '+92'), { 'x-signature': ATOMS_SIG }, [ATOMS_SECRET])).verification).toBe('invalid');
  });
  it('treats upper-case hex as the same signature', () => {
    expect(verifyAtoms(input(body, { 'x-signature': ATOMS_SIG.toUpperCase() }, [ATOMS_SECRET])).verification).toBe('valid');
  });
});
