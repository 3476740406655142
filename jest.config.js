// Tests run from TypeScript sources through SWC (no type checking here; `pnpm build`
// type-checks). Workspace packages resolve to their sources so a test never sees a
// stale dist/. GPU tests (*.gpu.test.ts) are not jest tests: see scripts/gpu-check.sh.
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
      module: { type: 'es6' },
      sourceMaps: 'inline',
    },
  ],
};

const moduleNameMapper = {
  '^@llorch/native$': '<rootDir>/cuda/ts/index.ts',
  '^@llorch/([a-z-]+)$': '<rootDir>/packages/$1/src/index.ts',
  '^(\\.{1,2}/.*)\\.js$': '$1',
};

const common = {
  rootDir: import.meta.dirname,
  transform,
  moduleNameMapper,
  extensionsToTreatAsEsm: ['.ts'],
  testEnvironment: 'node',
};

export default {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/packages/*/test/**/*.test.ts',
        '<rootDir>/test/**/*.test.ts',
        '<rootDir>/cuda/test/**/*.test.ts',
      ],
      // GPU tests are node:test files, bundled and run on a GPU machine (pnpm test:gpu).
      testPathIgnorePatterns: ['\\.gpu\\.test\\.ts$'],
    },
  ],
};
