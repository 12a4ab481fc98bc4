import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROJECT_XSD } from '../helpers/research';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('test fixtures', () => {
  it('reads the REFI-QDA schema from inside the repository, so the tests pass on a plain clone', () => {
    const relative = path.relative(repoRoot, PROJECT_XSD);
    expect(relative.startsWith('..')).toBe(false);
    expect(path.isAbsolute(relative)).toBe(false);
    expect(existsSync(PROJECT_XSD)).toBe(true);
  });
});
