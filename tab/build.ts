// Builds the status tab into tab/dist: the page's bundle (tab.js), the card renderer the in-page dialog loads on
// first use (card-dialog.js: the Adaptive Cards SDK, kept out of tab.js), the static page and stylesheet.
// Run alone (`tsx tab/build.ts`, part of `npm test` and `npm run build`) or imported by tests and the bench.
import { copyFile, mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

export interface TabBuildResult {
  outDir: string;
  /** Bytes of every file written, by file name. */
  files: Record<string, number>;
  /** Bytes of the JavaScript bundle (the figure the bench reports). */
  bundleBytes: number;
}

export interface TabBuildOptions {
  outDir?: string;
  minify?: boolean;
}

const root = __dirname;

export async function buildTab(options: TabBuildOptions = {}): Promise<TabBuildResult> {
  const outDir = options.outDir ?? path.join(root, 'dist');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });

  const bundle = (entry: string, outfile: string) =>
    build({
      entryPoints: [path.join(root, 'src', entry)],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: ['es2020', 'chrome100', 'edge100', 'safari15', 'firefox100'],
      minify: options.minify ?? true,
      sourcemap: 'linked',
      legalComments: 'none',
      outfile: path.join(outDir, outfile),
      logLevel: 'warning',
    });
  await Promise.all([
    bundle('main.ts', 'tab.js'),
    bundle(path.join('card-dialog', 'renderer.ts'), 'card-dialog.js'),
  ]);

  const staticDir = path.join(root, 'static');
  for (const name of await readdir(staticDir)) {
    await copyFile(path.join(staticDir, name), path.join(outDir, name));
  }

  const files: Record<string, number> = {};
  for (const name of await readdir(outDir)) files[name] = (await stat(path.join(outDir, name))).size;
  return { outDir, files, bundleBytes: files['tab.js'] ?? 0 };
}

if (require.main === module) {
  buildTab().then(
    (r) => {
      const list = Object.entries(r.files)
        .map(([n, b]) => `${n} ${(b / 1024).toFixed(1)} KB`)
        .join(', ');
      console.log(`tab built into ${path.relative(process.cwd(), r.outDir)}: ${list}`);
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
