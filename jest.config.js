// Tests run from TypeScript sources through SWC (no type checking here; `pnpm build`
// type-checks). Workspace packages resolve to their sources so a test never sees a
// stale dist/. GPU tests form their own project, enabled by LLORCH_GPU=1.
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
      testPathIgnorePatterns: ['\\.gpu\\.test\\.ts$'],
    },
    {
      ...common,
      displayName: 'gpu',
      testMatch: ['<rootDir>/**/test/**/*.gpu.test.ts'],
      testPathIgnorePatterns: ['/node_modules/'],
    },
  ],
};
