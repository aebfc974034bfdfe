// One small build script: esbuild bundles the extension's three entry points into dist/, and
// (with --lab) the test lab's command-line programs into build/lab/.
//   node build.mjs          minified, no source maps (what `npm run package` ships)
//   node build.mjs --dev    readable, with source maps
//   node build.mjs --lab    also the lab programs (npm run lab, npm start)
import { readFile, rm } from 'node:fs/promises';
import * as esbuild from 'esbuild';

const dev = process.argv.includes('--dev');
const withLab = process.argv.includes('--lab');

// Cert Doctor renders strangers' text (certificate fields, URLs, error strings) and never HTML.
// Preact's one path to innerHTML is dangerouslySetInnerHTML, which the project never uses; this
// plugin removes that path from the bundle, so no future mistake can reach it (and web-ext lint
// has no unsafe assignment to warn about). A Preact release that changes the code fails the
// build here rather than silently keeping the path.
const noInnerHtml = {
  name: 'no-inner-html',
  setup(build) {
    build.onLoad({ filter: /[\\/]preact[\\/]dist[\\/]preact\.module\.js$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const pattern = /(\w+)\.innerHTML=(\w+)\.__html/g;
      if (!pattern.test(source)) throw new Error(`no-inner-html: Preact's innerHTML assignment was not found in ${path}`);
      const contents = source.replace(pattern, '(()=>{throw new Error("dangerouslySetInnerHTML is disabled in Cert Doctor")})()');
      return { contents, loader: 'js' };
    });
  },
};

// A fresh dist/ each time: no stale source map or old bundle slips into the package.
await rm('dist', { recursive: true, force: true });

const extension = esbuild.build({
  entryPoints: {
    background: 'src/background/main.ts',
    popup: 'popup/main.tsx',
    options: 'options/main.tsx',
  },
  outdir: 'dist',
  bundle: true,
  format: 'iife',
  target: 'firefox142',
  minify: !dev,
  sourcemap: dev ? 'linked' : false,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [noInnerHtml],
});

const lab = withLab
  ? esbuild.build({
      entryPoints: { main: 'test/lab/main.ts', demo: 'test/lab/demo.ts' },
      outdir: 'build/lab',
      outExtension: { '.js': '.cjs' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      sourcemap: 'inline',
      logLevel: 'warning',
    })
  : Promise.resolve();

await Promise.all([extension, lab]);
