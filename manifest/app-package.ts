// Builds the Teams app package: fills the manifest template from configuration, adds the command menu from
// BOT_COMMANDS in every language, and zips manifest, icons and localization files at the package root.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { derivedTeamsAppId, nameBasedUuid } from '../bot/app-id';
import { BOT_COMMANDS, COMMAND_SCOPES, type ManifestLanguage } from './commands';

export { nameBasedUuid };

export const PACKAGE_FILE_NAME = 'planning-services-companion.zip';
export const MANIFEST_DIR = __dirname;
export const TEMPLATE_FILE = path.join(MANIFEST_DIR, 'manifest.template.json');
export const ICON_FILES = { color: 'color.png', outline: 'outline.png' } as const;

/** Translated languages: manifest language tag → localization file, both as written in the template. */
export const LOCALIZATION_FILES: Readonly<Record<Exclude<ManifestLanguage, 'en'>, string>> = {
  'pt-BR': 'pt-BR.json',
  'es-ES': 'es-ES.json',
};

export interface PackageSettings {
  teamsAppId: string;
  version: string;
  botAppId: string;
  publicHostname: string;
  entraClientId: string;
  entraAppIdUri: string;
  developerName: string;
  websiteUrl: string;
  privacyUrl: string;
  termsUrl: string;
}

export type SettingsResult = { ok: true; settings: PackageSettings } | { ok: false; errors: string[] };

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
// Lower case only: Teams on Android does not match an upper-case domain in the App ID URI.
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;
const HTTPS_URL = /^https:\/\/\S+$/;

/**
 * Reads the package's configuration from an environment map. Never throws: every missing or bad value comes
 * back as one line that starts with the variable's name.
 */
export function readPackageSettings(
  env: Record<string, string | undefined>,
  defaultVersion: string,
): SettingsResult {
  const errors: string[] = [];
  const get = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const required = (name: string, what: string): string => {
    const v = get(name);
    if (!v) errors.push(`${name}: required — ${what}`);
    return v ?? '';
  };
  const check = (name: string, value: string, ok: boolean, rule: string): void => {
    if (value && !ok) errors.push(`${name}: ${rule} (found "${value}")`);
  };

  const botAppId = required(
    'BOT_APP_ID',
    "the bot's Microsoft App ID (in the Azure deployment, the managed identity's client id)",
  );
  check('BOT_APP_ID', botAppId, GUID.test(botAppId), 'must be a GUID');

  const publicHostname = required(
    'PUBLIC_HOSTNAME',
    'the host name the app is served from, such as contoso-psc.azurewebsites.net',
  );
  check(
    'PUBLIC_HOSTNAME',
    publicHostname,
    HOSTNAME.test(publicHostname),
    'must be a lower-case host name only, without https:// or a path',
  );

  const entraClientId = required(
    'ENTRA_CLIENT_ID',
    'the application (client) id of the Entra app registration used for tab SSO',
  );
  check('ENTRA_CLIENT_ID', entraClientId, GUID.test(entraClientId), 'must be a GUID');

  // Teams SSO only works with an App ID URI of exactly this shape, so a different one is a mistake.
  const expectedUri = `api://${publicHostname}/${entraClientId}`;
  const entraAppIdUri = get('ENTRA_APP_ID_URI') ?? expectedUri;
  check(
    'ENTRA_APP_ID_URI',
    entraAppIdUri,
    entraAppIdUri === expectedUri,
    `must be ${expectedUri} (or be left unset)`,
  );

  const version = get('APP_VERSION') ?? defaultVersion;
  check('APP_VERSION', version, SEMVER.test(version), 'must be a version such as 1.4.0');

  // Each deployment (each bot) gets its own stable app id, so two can be installed side by side.
  const teamsAppId = get('TEAMS_APP_ID') ?? derivedTeamsAppId(botAppId);
  check('TEAMS_APP_ID', teamsAppId, GUID.test(teamsAppId), 'must be a GUID');

  const developerName = get('APP_DEVELOPER_NAME') ?? 'Planning Services Companion';
  check('APP_DEVELOPER_NAME', developerName, developerName.length <= 32, 'must be at most 32 characters');

  const site = `https://${publicHostname}`;
  const urls = {
    websiteUrl: get('APP_WEBSITE_URL') ?? `${site}/`,
    privacyUrl: get('APP_PRIVACY_URL') ?? `${site}/privacy`,
    termsUrl: get('APP_TERMS_URL') ?? `${site}/terms`,
  };
  check('APP_WEBSITE_URL', urls.websiteUrl, HTTPS_URL.test(urls.websiteUrl), 'must be an https:// URL');
  check('APP_PRIVACY_URL', urls.privacyUrl, HTTPS_URL.test(urls.privacyUrl), 'must be an https:// URL');
  check('APP_TERMS_URL', urls.termsUrl, HTTPS_URL.test(urls.termsUrl), 'must be an https:// URL');

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      teamsAppId,
      version,
      botAppId,
      publicHostname,
      entraClientId,
      entraAppIdUri,
      developerName,
      ...urls,
    },
  };
}

export function commandLists(
  language: ManifestLanguage = 'en',
): { scopes: string[]; commands: { title: string; description: string }[] }[] {
  return COMMAND_SCOPES.map((scope) => ({
    scopes: [scope],
    commands: BOT_COMMANDS.map((c) => ({ title: c.title[language], description: c.description[language] })),
  }));
}

/** The manifest with every `{{NAME}}` placeholder of the template filled. */
export function renderManifest(
  settings: PackageSettings,
  template = readJson(TEMPLATE_FILE),
): Record<string, unknown> {
  const values: Record<string, unknown> = {
    TEAMS_APP_ID: settings.teamsAppId,
    APP_VERSION: settings.version,
    BOT_APP_ID: settings.botAppId,
    PUBLIC_HOSTNAME: settings.publicHostname,
    ENTRA_CLIENT_ID: settings.entraClientId,
    ENTRA_APP_ID_URI: settings.entraAppIdUri,
    APP_DEVELOPER_NAME: settings.developerName,
    APP_WEBSITE_URL: settings.websiteUrl,
    APP_PRIVACY_URL: settings.privacyUrl,
    APP_TERMS_URL: settings.termsUrl,
    BOT_COMMAND_LISTS: commandLists('en'),
  };
  return fill(template, values) as Record<string, unknown>;
}

function fill(node: unknown, values: Record<string, unknown>): unknown {
  if (typeof node === 'string') {
    const whole = /^\{\{([A-Z0-9_]+)\}\}$/.exec(node);
    if (whole) return lookup(whole[1]!, values);
    return node.replace(/\{\{([A-Z0-9_]+)\}\}/g, (_m, name: string) => {
      const v = lookup(name, values);
      if (typeof v !== 'string')
        throw new Error(`manifest template: {{${name}}} must stand alone in its string`);
      return v;
    });
  }
  if (Array.isArray(node)) return node.map((n) => fill(n, values));
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v, values)]));
  }
  return node;
}

function lookup(name: string, values: Record<string, unknown>): unknown {
  if (!(name in values)) throw new Error(`manifest template: unknown placeholder {{${name}}}`);
  return values[name];
}

/** One localization file: the translated strings kept in locales/ plus the translated command menu. */
export function renderLocalization(language: Exclude<ManifestLanguage, 'en'>): Record<string, string> {
  const file = readJson(path.join(MANIFEST_DIR, 'locales', LOCALIZATION_FILES[language])) as Record<
    string,
    string
  >;
  const out: Record<string, string> = { ...file };
  COMMAND_SCOPES.forEach((_scope, list) => {
    BOT_COMMANDS.forEach((c, i) => {
      out[`bots[0].commandLists[${list}].commands[${i}].title`] = c.title[language];
      out[`bots[0].commandLists[${list}].commands[${i}].description`] = c.description[language];
    });
  });
  return out;
}

/** Every file of the package, by its name at the root of the zip. */
export function packageFiles(settings: PackageSettings): Map<string, Buffer> {
  const json = (v: unknown): Buffer => Buffer.from(`${JSON.stringify(v, null, 2)}\n`, 'utf8');
  const files = new Map<string, Buffer>();
  files.set('manifest.json', json(renderManifest(settings)));
  for (const icon of Object.values(ICON_FILES)) files.set(icon, readFileSync(path.join(MANIFEST_DIR, icon)));
  for (const [language, file] of Object.entries(LOCALIZATION_FILES) as [
    Exclude<ManifestLanguage, 'en'>,
    string,
  ][]) {
    files.set(file, json(renderLocalization(language)));
  }
  return files;
}

// A fixed timestamp keeps the zip byte-for-byte reproducible for the same inputs.
const ZIP_DATE = new Date(Date.UTC(2020, 0, 1));

export async function zipPackage(files: Map<string, Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, data] of files) zip.file(name, data, { date: ZIP_DATE, createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}
