// One small build script: esbuild bundles the extension's three entry points into dist/, and
// (with --lab) the test lab's command-line programs into build/lab/.
//   node build.mjs          minified, no source maps (what `npm run package` ships)
//   node build.mjs --dev    readable, with source maps
//   node build.mjs --lab    also the lab programs (npm run lab, npm start)
//   node build.mjs --bench  also the benchmark (npm run bench)
//   node build.mjs --tools  also the snapshot recorder (npm run record:snapshots)
//   node build.mjs --cli    also the command-line program, build/cli/cert-doctor.cjs (npm pack)
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { Buffer } from 'node:buffer';
import * as esbuild from 'esbuild';

const dev = process.argv.includes('--dev');
const withLab = process.argv.includes('--lab');
const withBench = process.argv.includes('--bench');
const withTools = process.argv.includes('--tools');
const withCli = process.argv.includes('--cli');

// Two patches to third-party code, each failing the build if its target is not found (so an
// upgrade that changes the code is noticed, not silently unpatched):
// - Cert Doctor renders strangers' text (certificate fields, URLs, error strings), never HTML.
//   Preact's one path to innerHTML is dangerouslySetInnerHTML, which the project never uses;
//   it is removed, so no future mistake can reach it.
// - reflect-metadata (needed by @peculiar/x509) finds the global object with
//   Function("return this;")() or an indirect eval, string evaluations that extension pages
//   should not contain; globalThis is what it looks for.
// Both keep web-ext lint free of UNSAFE_VAR_ASSIGNMENT and DANGEROUS_EVAL warnings.
const SOURCE_PATCHES = [
  {
    file: /[\\/]preact[\\/]dist[\\/]preact\.module\.js$/,
    pattern: /(\w+)\.innerHTML=(\w+)\.__html/g,
    replacement: '(()=>{throw new Error("dangerouslySetInnerHTML is disabled in Cert Doctor")})()',
  },
  {
    file: /[\\/]reflect-metadata[\\/]Reflect\.js$/,
    pattern: /Function\("return this;"\)\(\)|\(void 0, eval\)\("\(function\(\) \{ return this; \}\)\(\)"\)/g,
    replacement: 'globalThis',
  },
];

// Cert Doctor runs only in Firefox (142 and later), where webextension-polyfill's module is
// Firefox's own `browser` object, unchanged: its code checks for it and exports it
// (browser-polyfill.js: `module.exports = globalThis.browser`); the wrapper for Chrome around it
// is never used. The bundles take that branch directly instead of carrying 10 KB of unused code
// that every page parses first (the popup's time to content counts it). The build fails if the
// branch is no longer there.
const FIREFOX_BRANCH = 'module.exports = globalThis.browser;';
const patchThirdParty = {
  name: 'patch-third-party',
  setup(build) {
    build.onLoad({ filter: /[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill\.js$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      if (!source.includes(FIREFOX_BRANCH)) throw new Error(`patch-third-party: "${FIREFOX_BRANCH}" not found in ${path}`);
      return { contents: FIREFOX_BRANCH, loader: 'js' };
    });
    for (const { file, pattern, replacement } of SOURCE_PATCHES) {
      build.onLoad({ filter: file }, async ({ path }) => {
        const source = await readFile(path, 'utf8');
        if (!pattern.test(source)) throw new Error(`patch-third-party: ${pattern} not found in ${path}`);
        return { contents: source.replace(pattern, replacement), loader: 'js' };
      });
    }
  },
};

// A fresh dist/ each time: no stale source map or old bundle slips into the package.
await rm('dist', { recursive: true, force: true });

const extension = esbuild
  .build({
    entryPoints: {
      background: 'src/background/main.ts',
      popup: 'popup/main.tsx',
      options: 'options/main.tsx',
      report: 'popup/report-main.tsx',
    },
    outdir: 'dist',
    bundle: true,
    format: 'iife',
    target: 'firefox142',
    minify: !dev,
    sourcemap: dev ? 'linked' : false,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    plugins: [patchThirdParty],
  })
  .then(checkPopupBundle);

// The popup only reads the view the background made and renders it: certificate parsing and the
// diagnosis stay out of its bundle (they are the background's work), and so does the whole
// guide. The build fails if one of them comes back (test/unit/popup-bundle.test.ts checks too).
const NOT_IN_POPUP = [
  /node_modules[\\/]@peculiar[\\/]/,
  /node_modules[\\/]reflect-metadata[\\/]/,
  /node_modules[\\/]asn1js[\\/]/,
  /^src[\\/]core[\\/]certificate[\\/]/,
  /^src[\\/]core[\\/]error-codes[\\/]/,
  /^src[\\/]diagnosis[\\/]diagnose\.ts$/,
  /^src[\\/]guide[\\/]text[\\/]/,
  /^src[\\/]guide[\\/]guide-loader\.ts$/,
  // The table of languages: the popup learns its language from its messages, so that adding a
  // language does not grow it (src/shared/language.ts).
  /^src[\\/]guide[\\/]languages\.ts$/,
  // The Public Suffix List (security.txt lookup, on the report page only).
  /node_modules[\\/]tldts/,
];
const POPUP_GZIP_LIMIT = 40 * 1024;

async function checkPopupBundle(result) {
  const popup = result.metafile.outputs['dist/popup.js'];
  if (!popup) throw new Error('build: no dist/popup.js in the metafile');
  const intruders = Object.keys(popup.inputs).filter((input) => NOT_IN_POPUP.some((pattern) => pattern.test(input)));
  if (intruders.length > 0) throw new Error(`build: the popup must not bundle ${intruders.join(', ')}`);
  const gzipped = gzipSync(await readFile('dist/popup.js')).length;
  if (!dev && gzipped > POPUP_GZIP_LIMIT) throw new Error(`build: dist/popup.js is ${gzipped} bytes gzipped, over ${POPUP_GZIP_LIMIT}`);
}

// The lab and the benchmark are Node programs: CommonJS, dependencies left in node_modules.
const nodeProgram = (entryPoints, outdir) =>
  esbuild.build({
    entryPoints,
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });

const lab = withLab ? nodeProgram({ main: 'test/lab/main.ts', demo: 'test/lab/demo.ts' }, 'build/lab') : Promise.resolve();
const bench = withBench ? nodeProgram({ bench: 'test/bench/main.ts' }, 'build/bench') : Promise.resolve();
const tools = withTools ? nodeProgram({ 'record-lab-snapshots': 'test/tools/record-lab-snapshots.ts' }, 'build/tools') : Promise.resolve();
// `cert-doctor`: one self-contained file (its dependencies bundled in), so the packed tarball
// runs wherever Node 20 does, with nothing else to fetch.
const cli = withCli
  ? esbuild.build({
      entryPoints: { 'cert-doctor': 'src/cli/cert-doctor.ts' },
      outdir: 'build/cli',
      outExtension: { '.js': '.cjs' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      banner: { js: '#!/usr/bin/env node' },
      legalComments: 'inline',
      logLevel: 'warning',
    })
  : Promise.resolve();

// The guide's words, one file per language (dist/guide/<lang>.json, the report page's) and one
// per entry (the popup's), merged by src/guide/guide-merge.ts, the merge the tests use too
// (src/guide/catalogue-data.ts). esbuild compiles that one module for this script.
async function writeGuideFiles() {
  const compiled = await esbuild.build({
    entryPoints: ['src/guide/guide-merge.ts'],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'warning',
  });
  const { mergeGuideFiles } = await import(`data:text/javascript;base64,${Buffer.from(compiled.outputFiles[0].text).toString('base64')}`);
  const root = 'src/guide/text';
  await mkdir('dist/guide', { recursive: true });
  for (const language of await readdir(root)) {
    const names = (await readdir(`${root}/${language}`)).filter((name) => name.endsWith('.json'));
    const files = Object.fromEntries(
      await Promise.all(names.map(async (name) => [name, JSON.parse(await readFile(`${root}/${language}/${name}`, 'utf8'))])),
    );
    const guide = mergeGuideFiles(files);
    await writeFile(`dist/guide/${language}.json`, JSON.stringify(guide));
    await writeEntryFiles(language, guide);
  }
}

// The popup reads only the entries it shows (src/guide/guide-words.ts): one file per code, cause
// and product, dist/guide/<lang>/<kind>/<id>.json (`generic:network` as `generic-network`).
async function writeEntryFiles(language, guide) {
  const kinds = { code: guide.codes, cause: guide.causes, product: guide.products };
  for (const [kind, entries] of Object.entries(kinds)) {
    const dir = `dist/guide/${language}/${kind}`;
    await mkdir(dir, { recursive: true });
    await Promise.all(
      Object.entries(entries).map(([id, entry]) => writeFile(`${dir}/${id.replace(':', '-')}.json`, JSON.stringify(entry))),
    );
  }
}

await Promise.all([extension, lab, bench, tools, cli, writeGuideFiles()]);
