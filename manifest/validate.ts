// Offline validation of the Teams manifest and its localization files against the official 1.25 schemas
// (vendored in ../shared/schemas). The schemas are draft-04, hence ajv-draft-04.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';

export const MANIFEST_VERSION = '1.25';
export const MANIFEST_SCHEMA_FILE = 'teams-manifest-1.25.json';
export const LOCALIZATION_SCHEMA_FILE = 'teams-manifest-localization-1.25.json';

/** Where the vendored schemas live when the project sits next to `shared/` (every developer machine and CI). */
export const DEFAULT_SCHEMA_DIR = path.resolve(__dirname, '..', '..', 'shared', 'schemas');

export interface ManifestValidator {
  /** Problems with the manifest, one line each; empty when it is valid. */
  manifest(manifest: unknown): string[];
  /** Problems with one localization file, one line each; empty when it is valid. */
  localization(file: unknown): string[];
}

export function schemasAvailable(schemaDir = DEFAULT_SCHEMA_DIR): boolean {
  return (
    existsSync(path.join(schemaDir, MANIFEST_SCHEMA_FILE)) &&
    existsSync(path.join(schemaDir, LOCALIZATION_SCHEMA_FILE))
  );
}

export function createManifestValidator(schemaDir = DEFAULT_SCHEMA_DIR): ManifestValidator {
  const ajv = new Ajv({
    allErrors: true,
    // The official schemas have untyped keywords here and there; they are data we do not edit.
    strict: false,
    // Some of their patterns (`\a` escapes, a lone `]`) are valid only without the regex `u` flag.
    unicodeRegExp: false,
    formats: { uri: /^[A-Za-z][A-Za-z0-9+.-]*:\S*$/ },
  });
  const load = (file: string): ValidateFunction =>
    ajv.compile(JSON.parse(readFileSync(path.join(schemaDir, file), 'utf8')) as object);
  const manifestSchema = load(MANIFEST_SCHEMA_FILE);
  const localizationSchema = load(LOCALIZATION_SCHEMA_FILE);

  return {
    manifest(manifest) {
      const problems = manifestSchema(manifest) ? [] : describe(manifestSchema.errors);
      // Draft-04 has no `const` (ajv-draft-04 happens to apply it; other draft-04 validators ignore it), so the
      // version the whole file is written against is checked here too.
      const version = (manifest as { manifestVersion?: unknown } | null)?.manifestVersion;
      if (version !== MANIFEST_VERSION) {
        problems.push(`/manifestVersion: must be "${MANIFEST_VERSION}", found ${JSON.stringify(version)}`);
      }
      return problems;
    },
    localization(file) {
      return localizationSchema(file) ? [] : describe(localizationSchema.errors);
    },
  };
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const extra =
      e.keyword === 'additionalProperties'
        ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})`
        : '';
    return `${e.instancePath || '/'}: ${e.message ?? e.keyword}${extra}`;
  });
}
