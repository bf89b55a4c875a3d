// Bundles Petal's browser code with esbuild (no Vaadin bundle build, see ../shared/docs/toolchain.md).
//   node build.mjs           -> target/classes/META-INF/resources/petal/petal.js (served at /petal/petal.js)
//   node build.mjs --tests   -> target/js-tests/*.test.mjs, run by `node --test`
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';

const tests = process.argv.includes('--tests');

if (tests) {
  const entryPoints = readdirSync('test').filter(f => f.endsWith('.test.ts')).map(f => `test/${f}`);
  await esbuild.build({
    entryPoints,
    outdir: 'target/js-tests',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
} else {
  await esbuild.build({
    entryPoints: ['src/index.ts'],
    outfile: 'target/classes/META-INF/resources/petal/petal.js',
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    logLevel: 'warning',
  });
}
