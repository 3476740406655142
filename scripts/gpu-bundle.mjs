// Prepares .gpu/ (ignored) for a run on a GPU machine that has no Node.js and no node_modules:
// one esbuild bundle per GPU test file, per GPU benchmark and of the CLI, the Node-API headers the addon
// build needs, and the shared model/tokenizer files the tests read through ../shared.
// Usage: node scripts/gpu-bundle.mjs [--ab <rev>]...   (then scripts/gpu-check.sh on the GPU machine)
// --ab <rev>: that revision's native sources (cuda/CMakeLists.txt, cuda/src) go to .gpu/ab/<rev>;
// gpu-check.sh builds each and benchmarks it after the tree, on the same card (an A/B in one run).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { build } from 'esbuild';

const repoRoot = path.resolve(import.meta.dirname, '..');
const gpuDir = path.join(repoRoot, '.gpu');
const bundles = path.join(gpuDir, 'bundles');
rmSync(bundles, { recursive: true, force: true });
mkdirSync(bundles, { recursive: true });

const packages = { native: 'cuda/ts/index.ts' };
for (const name of readdirSync(path.join(repoRoot, 'packages')))
  packages[name] = `packages/${name}/src/index.ts`;
const workspace = {
  name: 'llorch-workspace',
  setup(b) {
    b.onResolve({ filter: /^@llorch\/[a-z-]+$/ }, (args) => {
      const file = packages[args.path.slice('@llorch/'.length)];
      return file ? { path: path.join(repoRoot, file) } : undefined;
    });
  },
};

const entries = [
  ...readdirSync(path.join(repoRoot, 'cuda/test'))
    .filter((f) => f.endsWith('.gpu.test.ts'))
    .map((f) => path.join(repoRoot, 'cuda/test', f)),
  ...readdirSync(path.join(repoRoot, 'bench'))
    .filter((f) => /^engine-gpu-.*\.ts$/.test(f))
    .map((f) => path.join(repoRoot, 'bench', f)),
];
// The CLI and the worker, for `llorch run` and `llorch serve` with cuda:0 on the GPU machine.
const named = new Map([
  [path.join(repoRoot, 'packages/orchestrator/src/cli.ts'), 'llorch.mjs'],
  [path.join(repoRoot, 'packages/worker/src/main.ts'), 'llorch-worker.mjs'],
]);
entries.push(...named.keys());
for (const entry of entries) {
  await build({
    entryPoints: [entry],
    outfile: path.join(bundles, named.get(entry) ?? path.basename(entry).replace(/\.ts$/, '.mjs')),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [workspace],
    // CommonJS dependencies (yaml, express, pino) call require() for Node built-ins.
    banner: {
      js: "import { createRequire as __llorchRequire } from 'node:module'; const require = __llorchRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
}

// Node-API headers for the addon build (cmake-js passes the same directories on this machine).
// node-api-headers comes in through cmake-js, so it is resolved from there.
const require = createRequire(path.join(repoRoot, 'cuda/package.json'));
const cmakeJs = createRequire(require.resolve('cmake-js/package.json'));
const napiDir = path.join(gpuDir, 'napi');
rmSync(napiDir, { recursive: true, force: true });
cpSync(cmakeJs('node-api-headers').include_dir, path.join(napiDir, 'include'), { recursive: true });
const addonApi = path.dirname(require.resolve('node-addon-api/package.json'));
mkdirSync(path.join(napiDir, 'addon-api'), { recursive: true });
for (const f of readdirSync(addonApi).filter((f) => f.endsWith('.h'))) {
  cpSync(path.join(addonApi, f), path.join(napiDir, 'addon-api', f));
}

// Shared data the tests and benchmarks read as ../shared/... (only repository paths travel).
const shared = path.resolve(repoRoot, '../shared');
const sharedOut = path.join(gpuDir, 'shared/models');
mkdirSync(path.join(sharedOut, 'qwen2.5-0.5b-instruct'), { recursive: true });
cpSync(path.join(shared, 'models/stories260K.gguf'), path.join(sharedOut, 'stories260K.gguf'));
for (const f of ['config.json', 'merges.txt', 'tokenizer_config.json', 'vocab.json']) {
  cpSync(
    path.join(shared, 'models/qwen2.5-0.5b-instruct', f),
    path.join(sharedOut, 'qwen2.5-0.5b-instruct', f),
  );
}

const git = (...args) => execFileSync('git', args, { cwd: repoRoot, maxBuffer: 1 << 30 });
const abDir = path.join(gpuDir, 'ab');
rmSync(abDir, { recursive: true, force: true });
for (let i = process.argv.indexOf('--ab'); i >= 0; i = process.argv.indexOf('--ab', i + 1)) {
  const rev = process.argv[i + 1];
  if (!rev) throw new Error('--ab needs a revision');
  const short = git('rev-parse', '--short', `${rev}^{commit}`).toString().trim();
  const dir = path.join(abDir, short);
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-x', '-C', dir, '--strip-components=1'], {
    input: git('archive', short, 'cuda/CMakeLists.txt', 'cuda/src'),
  });
}

const commit = git('rev-parse', '--short', 'HEAD').toString().trim();
const dirty = git('status', '--porcelain', '--', 'cuda', 'bench/engine-gpu-bench.ts');
writeFileSync(path.join(gpuDir, 'COMMIT'), commit + (dirty.length > 0 ? '+dirty' : '') + '\n');
process.stdout.write(
  `bundled ${entries.length} entries into ${path.relative(repoRoot, bundles)}\n`,
);
