import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../bot/config';
import { CONTAINERS } from '../../bot/store/cosmos';
import {
  loopVariables,
  matching,
  objectAt,
  objectEntries,
  readBicep,
  references,
  unbalanced,
  type BicepFile,
  type Entry,
} from './bicep-lite';

const ROOT = path.resolve(__dirname, '..', '..');
const INFRA = path.join(ROOT, 'infra');
const FILES = ['main.bicep', 'modules/app.bicep', 'modules/cosmos.bicep', 'modules/bot.bicep'];
const BUILTINS = new Set(['string', 'object', 'array', 'bool', 'int']);

const load = (rel: string): BicepFile => readBicep(path.join(INFRA, rel));
const names = (f: BicepFile, kind: string): string[] =>
  f.declarations.filter((d) => d.kind === kind).map((d) => d.name);
const param = (f: BicepFile, name: string) =>
  f.declarations.find((d) => d.kind === 'param' && d.name === name);

/** Entries of the object literal that `var <name> =` is (or whose first object argument it is). */
function varObject(f: BicepFile, name: string): Entry[] {
  const decl = f.declarations.find((d) => d.kind === 'var' && d.name === name);
  assert.ok(decl, `var ${name} not found`);
  return objectEntries(f, f.code.indexOf('{', decl.at));
}

/** The literal value of a string literal without interpolation, else undefined. */
function literal(value: string): string | undefined {
  const m = /^'((?:[^'\\$]|\\.|\$(?!\{))*)'$/.exec(value);
  return m ? m[1]!.replace(/\\(.)/g, '$1') : undefined;
}

/** Variables of bot/config.ts: the keys of its environment schema. */
function configVariables(): Set<string> {
  const source = readFileSync(path.join(ROOT, 'bot', 'config.ts'), 'utf8');
  const start = source.indexOf('const envSchema = z.object({');
  assert.ok(start >= 0, 'bot/config.ts has no envSchema');
  const body = source.slice(start, source.indexOf('\n});', start));
  return new Set([...body.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]!));
}

describe('infra: Bicep structure (checked without the Bicep compiler)', () => {
  const main = load('main.bicep');

  for (const rel of FILES) {
    it(`${rel}: brackets balance, every param and var is used, every name used is declared`, () => {
      const f = load(rel);
      assert.equal(unbalanced(f.code), undefined);
      const refs = references(f);
      for (const d of f.declarations.filter((d) => d.kind === 'param' || d.kind === 'var')) {
        assert.ok(refs.has(d.name), `${d.kind} ${d.name} is declared but never used`);
      }
      const declared = new Set([...f.declarations.map((d) => d.name), ...loopVariables(f)]);
      const unknown = [...refs].filter((r) => !declared.has(r) && !BUILTINS.has(r));
      assert.deepEqual(unknown, [], `undeclared names in ${rel}`);
    });
  }

  it('the checks above can fail: an unused param, an unknown name and a lost brace are caught', () => {
    const f = readBicep(path.join(INFRA, 'modules/bot.bicep'));
    const broken = { ...f, code: `${f.code}\nparam spare string\noutput x string = missing\n` };
    assert.ok(!references(broken).has('spare'));
    assert.ok(references(broken).has('missing'));
    assert.match(unbalanced(f.code.replace('properties: {', 'properties: ')) ?? '', /unexpected \}/);
  });

  it('each module gets every param it requires and none it does not declare', () => {
    for (const mod of main.declarations.filter((d) => d.kind === 'module')) {
      const target = /^'([^']+)'/.exec(mod.rest)?.[1];
      assert.ok(target, `module ${mod.name} has no path`);
      const callee = readBicep(path.join(INFRA, target));
      const body = main.code.indexOf('{', mod.at);
      const passed = objectAt(main, 'params', body).map((e) => e.key);
      assert.ok(
        matching(main.code, body) > main.code.indexOf('params', body),
        `module ${mod.name}: params outside its body`,
      );
      const declared = names(callee, 'param');
      assert.deepEqual(
        passed.filter((p) => !declared.includes(p)),
        [],
        `module ${mod.name} passes unknown params`,
      );
      const required = callee.declarations
        .filter((d) => d.kind === 'param' && !d.hasDefault)
        .map((d) => d.name);
      assert.deepEqual(
        required.filter((p) => !passed.includes(p)),
        [],
        `module ${mod.name} misses required params`,
      );
    }
  });

  it('main.bicepparam sets only params of main.bicep and all of its required ones', () => {
    const text = readFileSync(path.join(INFRA, 'main.bicepparam'), 'utf8');
    assert.match(text, /^using '\.\/main\.bicep'$/m);
    const set = [...text.matchAll(/^param\s+(\w+)\s*=/gm)].map((m) => m[1]!);
    const declared = names(main, 'param');
    assert.deepEqual(
      set.filter((p) => !declared.includes(p)),
      [],
    );
    const required = main.declarations.filter((d) => d.kind === 'param' && !d.hasDefault).map((d) => d.name);
    assert.deepEqual(
      required.filter((p) => !set.includes(p)),
      [],
    );
  });

  describe('app settings', () => {
    const settings = varObject(main, 'appSettings');
    const msi = varObject(main, 'msiCredentials');
    const secret = varObject(main, 'secretCredentials');

    // Values the deployment computes; a new computed setting must be given a sample here.
    const SAMPLES: Record<string, string> = {
      BOT_APP_ID: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      BOT_APP_PASSWORD: 'a-client-secret',
      BOT_TENANT_ID: '9188040d-6c67-4c5b-b112-36a304b66dad',
      COSMOS_ENDPOINT: 'https://psc-abc.documents.azure.com:443/',
      COSMOS_MANAGED_IDENTITY_CLIENT_ID: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      ENTRA_CLIENT_ID: '6e4c1f0a-8f2d-4b7e-9a51-2f0c9d8e7b6a',
      ENTRA_APP_ID_URI: 'api://psc.azurewebsites.net/6e4c1f0a-8f2d-4b7e-9a51-2f0c9d8e7b6a',
      ALLOWED_TENANTS: '9188040d-6c67-4c5b-b112-36a304b66dad',
      PUBLIC_HOSTNAME: 'psc.azurewebsites.net',
    };

    /** A setting's value as the app would see it: a literal, a param's literal default, or a sample. */
    function resolve(e: Entry): string {
      const direct = literal(e.value);
      if (direct !== undefined) return direct;
      const p = /^[A-Za-z_]\w*$/.test(e.value) ? param(main, e.value) : undefined;
      const fallback = p?.hasDefault ? literal(p.rest.slice(p.rest.indexOf('=') + 1).trim()) : undefined;
      if (fallback !== undefined) return fallback;
      const sample = SAMPLES[e.key];
      assert.ok(sample !== undefined, `add a sample value for ${e.key} (= ${e.value}) to this test`);
      return sample;
    }
    const env = (entries: Entry[]): Record<string, string> =>
      Object.fromEntries(entries.map((e) => [e.key, resolve(e)]));

    it('are all variables of bot/config.ts (or App Service platform settings)', () => {
      const known = configVariables();
      assert.ok(known.has('COSMOS_ENDPOINT') && known.size > 20, 'could not read bot/config.ts');
      const unknown = [...settings, ...msi, ...secret]
        .map((e) => e.key)
        .filter((k) => !known.has(k) && !/^(WEBSITE|SCM|WEBSITES)_/.test(k));
      assert.deepEqual(unknown, []);
    });

    it('make a valid production configuration with the managed identity', () => {
      const r = loadConfig({ ...env(settings), ...env(msi) });
      assert.ok(r.ok, !r.ok ? r.errors.join('\n') : '');
      assert.equal(r.config.env, 'production');
      assert.equal(r.config.bot.appType, 'UserAssignedMSI');
      assert.equal(r.config.cosmos.auth, 'managedIdentity');
      assert.equal(r.config.cosmos.managedIdentityClientId, SAMPLES.COSMOS_MANAGED_IDENTITY_CLIENT_ID);
      assert.equal(r.config.cosmos.database, 'planning-services');
      assert.equal(r.config.publicHostname, SAMPLES.PUBLIC_HOSTNAME);
    });

    it('make a valid production configuration with a single-tenant app registration', () => {
      // With SingleTenant the operator passes botAppId and botAppPassword (docs/deploy.md); their defaults are empty.
      assert.deepEqual(
        secret.map((e) => [e.key, e.value]),
        [
          ['BOT_APP_ID', 'botAppId'],
          ['BOT_APP_PASSWORD', 'botAppPassword'],
        ],
      );
      const given = { BOT_APP_ID: SAMPLES.BOT_APP_ID!, BOT_APP_PASSWORD: SAMPLES.BOT_APP_PASSWORD! };
      const r = loadConfig({ ...env(settings), ...given, BOT_APP_TYPE: 'SingleTenant' });
      assert.ok(r.ok, !r.ok ? r.errors.join('\n') : '');
      assert.equal(r.config.bot.appPassword, SAMPLES.BOT_APP_PASSWORD);
    });

    it('use the managed identity for both the bot and Cosmos DB, and build the App ID URI from host and client id', () => {
      const byKey = new Map([...settings, ...msi].map((e) => [e.key, e.value]));
      assert.equal(byKey.get('BOT_APP_ID'), 'identity.properties.clientId');
      assert.equal(byKey.get('COSMOS_MANAGED_IDENTITY_CLIENT_ID'), 'identity.properties.clientId');
      assert.equal(byKey.get('ENTRA_APP_ID_URI'), "'api://${publicHostname}/${entraClientId}'");
      assert.equal(byKey.get('APP_ENV'), "'production'");
      assert.equal(byKey.get('COSMOS_AUTH'), "'managedIdentity'");
      assert.ok(!byKey.has('COSMOS_KEY'), 'no Cosmos key: local auth is disabled');
    });
  });

  it('Cosmos DB: serverless, keys disabled, the database and containers of bot/store, partitioned by /tenantId', () => {
    const cosmos = load('modules/cosmos.bicep');
    const props = objectAt(cosmos, 'properties');
    const get = (k: string) => props.find((e) => e.key === k)?.value;
    assert.equal(get('disableLocalAuth'), 'true');
    assert.match(get('capabilities') ?? '', /name: 'EnableServerless'/);
    assert.match(cosmos.text, /paths: \['\/tenantId'\]/);
    const containers = main.text.match(/^var cosmosContainers = \[([^\]]*)\]/m)?.[1];
    assert.deepEqual(
      [...(containers ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]).sort(),
      Object.values(CONTAINERS).sort(),
    );
    assert.equal(literal(param(main, 'cosmosDatabaseName')!.rest.split('=')[1]!.trim()), 'planning-services');
  });

  it('Cosmos DB: the identity holds "Cosmos DB Built-in Data Contributor" on the database', () => {
    const cosmos = load('modules/cosmos.bicep');
    assert.match(cosmos.text, /var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'/);
    const decl = cosmos.declarations.find((d) => d.kind === 'resource' && d.name === 'dataContributor');
    assert.match(decl?.rest ?? '', /^'Microsoft\.DocumentDB\/databaseAccounts\/sqlRoleAssignments@/);
    const props = objectAt(cosmos, 'properties', decl!.at);
    const get = (k: string) => props.find((e) => e.key === k)?.value;
    assert.equal(get('roleDefinitionId'), "'${account.id}/sqlRoleDefinitions/${dataContributorRoleId}'");
    assert.equal(get('principalId'), 'dataContributorPrincipalId');
    const call = objectAt(main, 'params', main.declarations.find((d) => d.name === 'cosmos')!.at);
    assert.equal(
      call.find((e) => e.key === 'dataContributorPrincipalId')?.value,
      'identity.properties.principalId',
    );
  });

  it('App Service: Linux, Node 22, health check at /healthz (a route the app serves), the identity attached', () => {
    const app = load('modules/app.bicep');
    const site = objectAt(app, 'siteConfig');
    const get = (k: string) => site.find((e) => e.key === k)?.value;
    assert.equal(get('linuxFxVersion'), "'NODE|22-lts'");
    assert.equal(get('healthCheckPath'), "'/healthz'");
    assert.equal(get('alwaysOn'), 'true');
    assert.match(readFileSync(path.join(ROOT, 'bot', 'server.ts'), 'utf8'), /['"]\/healthz['"]/);
    assert.match(app.text, /type: 'UserAssigned'/);
    assert.match(app.text, /kind: 'app,linux'/);
    assert.match(app.text, /reserved: true/);
  });

  it('Azure Bot: UserAssignedMSI by default, SingleTenant as the option, never MultiTenant; Teams channel on', () => {
    const allowed = /@allowed\(\[([^\]]*)\]\)\s*\nparam botAppType string = '(\w+)'/.exec(main.text);
    assert.ok(allowed, 'botAppType param with @allowed not found');
    assert.deepEqual(
      [...allowed[1]!.matchAll(/'(\w+)'/g)].map((m) => m[1]),
      ['UserAssignedMSI', 'SingleTenant'],
    );
    assert.equal(allowed[2], 'UserAssignedMSI');
    const bot = load('modules/bot.bicep');
    assert.doesNotMatch(bot.text, /MultiTenant/);
    const props = objectAt(bot, 'properties');
    const get = (k: string) => props.find((e) => e.key === k)?.value;
    assert.equal(get('msaAppType'), 'appType');
    assert.equal(get('msaAppMSIResourceId'), "appType == 'UserAssignedMSI' ? identityId : null");
    assert.match(
      bot.text,
      /name: 'MsTeamsChannel'[\s\S]*channelName: 'MsTeamsChannel'[\s\S]*isEnabled: true/,
    );
    const call = objectAt(main, 'params', main.declarations.find((d) => d.name === 'bot')!.at);
    assert.equal(call.find((e) => e.key === 'endpoint')?.value, "'https://${publicHostname}/api/messages'");
  });

  it('every resource names a dated, non-preview API version', () => {
    for (const rel of FILES) {
      for (const r of load(rel).declarations.filter((d) => d.kind === 'resource')) {
        assert.match(r.rest, /^'[\w.]+\/[\w/]+@\d{4}-\d{2}-\d{2}' = /, `${rel}: resource ${r.name}`);
      }
    }
  });
});

describe('infra: Bicep compiler', function () {
  this.timeout(120_000);
  it('builds main.bicep and main.bicepparam without errors (only where a `bicep` CLI is installed)', function () {
    const probe = spawnSync('bicep', ['--version'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) this.skip();
    const build = spawnSync('bicep', ['build', path.join(INFRA, 'main.bicep'), '--stdout'], {
      encoding: 'utf8',
    });
    assert.equal(build.status, 0, build.stderr);
    assert.doesNotMatch(build.stderr, /\bError\b/);
    const params = spawnSync('bicep', ['build-params', path.join(INFRA, 'main.bicepparam'), '--stdout'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        WEB_APP_NAME: 'psc-ci',
        ENTRA_CLIENT_ID: '6e4c1f0a-8f2d-4b7e-9a51-2f0c9d8e7b6a',
      },
    });
    assert.equal(params.status, 0, params.stderr);
  });
});
