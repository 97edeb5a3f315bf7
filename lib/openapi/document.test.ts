import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './document';

// The document is well-formed OpenAPI 3.1, and it lists exactly the route handlers that exist.

type Operation = {
  parameters: { name: string; in: string; required: boolean; schema?: object }[];
  requestBody?: { content: Record<string, { schema?: object }> };
  responses: Record<string, { description?: string }>;
  security: object[];
};
const doc = openApiDocument();
const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op: op as Operation })));

const API = join(process.cwd(), 'app/api');
// Better Auth's own routes and the benchmark baseline are not part of the API.
const LEFT_OUT = [/^auth\//, /^bench\//];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? routeFiles(full) : entry.name === 'route.ts' ? [full] : [];
  });
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with the error envelope and the security schemes it refers to', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBeTruthy();
    expect(doc.components.schemas.Error).toBeTruthy();
    const schemes = Object.keys(doc.components.securitySchemes);
    for (const { op } of operations) for (const requirement of op.security) for (const name of Object.keys(requirement)) expect(schemes).toContain(name);
    // JSON.stringify drops undefined and functions: what is served is what was built.
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('every operation has responses, and every parameter a name, a place and a schema', () => {
    expect(operations.length).toBeGreaterThan(15);
    for (const { path, method, op } of operations) {
      expect(Object.keys(op.responses).length, `${method} ${path}`).toBeGreaterThan(0);
      for (const response of Object.values(op.responses)) expect(response.description, `${method} ${path}`).toBeTruthy();
      for (const p of op.parameters) {
        // Meta names its handshake parameters hub.mode, hub.verify_token, hub.challenge.
        expect(p.name, `${method} ${path}`).toMatch(/^\w+(\.\w+)?$/);
        expect(['query', 'path']).toContain(p.in);
        expect(p.schema, `${method} ${path} ${p.name}`).toEqual(expect.any(Object));
        expect(JSON.stringify(p.schema)).not.toContain('$schema');
      }
      // Every {name} in the path is a required path parameter, and the other way round.
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(
        op.parameters.filter((p) => p.in === 'path').map((p) => p.name),
        `${method} ${path}`,
      ).toEqual(inPath);
      expect(op.parameters.filter((p) => p.in === 'path').every((p) => p.required)).toBe(true);
    }
  });

  it("describes the documented query parameters from the routes' own schemas", () => {
    const calls = operations.find((o) => o.path === '/api/calls' && o.method === 'get')?.op;
    const success = calls?.parameters.find((p) => p.name === 'success');
    expect(success?.schema).toMatchObject({ enum: expect.arrayContaining(['true', 'false']) });
    expect(calls?.parameters.find((p) => p.name === 'limit')).toMatchObject({
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
    });
    const decision = operations.find((o) => o.path === '/api/actions/{id}/decision')?.op;
    expect(decision?.requestBody?.content['application/json']?.schema).toMatchObject({
      required: ['decision'],
      properties: { decision: { enum: ['approve', 'reject'] } },
    });
  });

  it("lists every route handler under app/api (but Better Auth's and the benchmark's), with its methods, and nothing else", () => {
    const onDisk: string[] = [];
    for (const file of routeFiles(API)) {
      const rel = relative(API, file).replace(/\\/g, '/');
      if (LEFT_OUT.some((re) => re.test(rel))) continue;
      const path = `/api/${rel.replace(/\/?route\.ts$/, '')}`.replace(/\[(\w+)\]/g, '{$1}');
      const source = readFileSync(file, 'utf8');
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        if (new RegExp(`export (async )?(function|const) ${method}\\b`).test(source)) onDisk.push(`${method.toLowerCase()} ${path}`);
      }
    }
    expect(operations.map((o) => `${o.method} ${o.path}`).sort()).toEqual(onDisk.sort());
  });
});
