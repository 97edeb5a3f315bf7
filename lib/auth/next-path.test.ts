import { describe, expect, it } from 'vitest';
import { requestedPath, safeNextPath, signInPath } from './next-path';

describe('safeNextPath', () => {
  it('keeps a path of ours with its query and fragment', () => {
    expect(safeNextPath('/calls/7d3c1f0e-0000-4000-8000-000000000001')).toBe('/calls/7d3c1f0e-0000-4000-8000-000000000001');
    expect(safeNextPath('/approvals/abc?from=chat#life')).toBe('/approvals/abc?from=chat#life');
    expect(safeNextPath('/calls?status=failed&q=%2B9198')).toBe('/calls?status=failed&q=%2B9198');
  });

  it.each([
    ['nothing', undefined],
    ['empty', ''],
    ['another origin', 'https://evil.example/'],
    ['protocol-relative', '//evil.example/'],
    ['a backslash read as a slash', '/\\evil.example/'],
    ['a tab the browser drops', '/\t/evil.example/'],
    ['a newline the browser drops', '/\n/evil.example/'],
    ['a scheme', 'javascript:alert(1)'],
    ['a relative path', 'calls'],
    ['the sign-in page itself', '/sign-in?next=/calls'],
    ['the API', '/api/actions'],
  ])('refuses %s', (_, next) => {
    expect(safeNextPath(next)).toBe('/');
  });

  it('normalises dot segments and still stays on the site', () => {
    expect(safeNextPath('/calls/../approvals')).toBe('/approvals');
    expect(safeNextPath('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
  });
});

describe('signInPath', () => {
  it('carries the page asked for, encoded', () => {
    expect(signInPath('/calls/abc?tab=transcript')).toBe('/sign-in?next=%2Fcalls%2Fabc%3Ftab%3Dtranscript');
  });
  it('is plain /sign-in for the first page or anything refused', () => {
    expect(signInPath('/')).toBe('/sign-in');
    expect(signInPath(null)).toBe('/sign-in');
    expect(signInPath('//evil.example')).toBe('/sign-in');
  });
});

describe('requestedPath', () => {
  it("drops Next's _rsc marker and keeps the rest", () => {
    expect(requestedPath(new URL('http://h/calls/abc?_rsc=x1&tab=t'))).toBe('/calls/abc?tab=t');
    expect(requestedPath(new URL('http://h/approvals'))).toBe('/approvals');
  });
});
