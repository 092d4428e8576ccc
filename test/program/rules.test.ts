import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { builtInRules, parseRules, PROFILES, type Rules } from '../../bot/program';
import { loadRules, RulesError } from '../../bot/rules';

function base(): Record<string, unknown> {
  return structuredClone(PROFILES['program-2020']) as Record<string, unknown>;
}

/** Sets a value at a dotted/indexed path on a clone of the default profile. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests break the document anywhere
function broken(mutate: (doc: any) => void): unknown {
  const doc = base();
  mutate(doc);
  return doc;
}

describe('program: rules files', () => {
  it('loads both built-in profiles', () => {
    const a = loadRules({ profile: 'program-2020' });
    assert.equal(a.profile, 'program-2020');
    assert.equal(a.voucher.lifetimeDays, 180);
    assert.equal(a.voucher.clockStart, 'assignment');
    assert.equal(a.payment.requestWindowDays, 60);
    assert.deepEqual(a.cutoffs, {});
    assert.equal(a.catalogue.offerings.length, 6);
    assert.equal(a.catalogue.offerings.flatMap((o) => o.engagements).length, 12);
    const b = loadRules({ profile: 'retirement-2021' });
    assert.equal(b.cutoffs.lastVoucherAssignmentOn, '2021-06-30');
    assert.equal(b.cutoffs.redemptionClosedFrom, '2022-01-01');
    assert.equal(b.payment.requestWindowDays, 60);
  });

  it('an unknown profile names the known ones', () => {
    const r = builtInRules('program-1999');
    assert.equal(r.ok, false);
    assert.match(
      !r.ok ? r.errors[0]! : '',
      /^profile: unknown profile "program-1999" \(known: program-2020, retirement-2021\)/,
    );
    assert.throws(() => loadRules({ profile: 'program-1999' }), RulesError);
  });

  const cases: { name: string; doc: unknown; expect: RegExp }[] = [
    { name: 'not an object', doc: 'rules', expect: /^\(root\): / },
    { name: 'missing catalogue', doc: broken((d) => delete d.catalogue), expect: /^catalogue: is required$/ },
    {
      name: 'empty offerings',
      doc: broken((d) => (d.catalogue.offerings = [])),
      expect: /^catalogue\.offerings: must list at least one offering$/,
    },
    {
      name: 'maximumDays as text',
      doc: broken((d) => (d.catalogue.offerings[0].engagements[1].maximumDays = '15')),
      expect: /^catalogue\.offerings\[0\]\.engagements\[1\]\.maximumDays: .*expected number/,
    },
    {
      name: 'bad competency level',
      doc: broken(
        (d) => (d.catalogue.offerings[1].engagements[2].requiredCompetencies[0].minimumLevel = 'Platinum'),
      ),
      expect: /^catalogue\.offerings\[1\]\.engagements\[2\]\.requiredCompetencies\[0\]\.minimumLevel: /,
    },
    {
      name: 'service level above the maximum',
      doc: broken((d) => (d.catalogue.offerings[2].engagements[0].serviceLevels = [1, 20])),
      expect:
        /^catalogue\.offerings\[2\]\.engagements\[0\]\.serviceLevels\[1\]: 20 days exceeds maximumDays \(15\)$/,
    },
    {
      name: 'duplicate engagement id',
      doc: broken((d) => (d.catalogue.offerings[3].engagements[1].id = 'sdps-sharepoint')),
      expect: /^catalogue\.offerings\[3\]\.engagements\[1\]\.id: duplicate engagement id "sdps-sharepoint"$/,
    },
    {
      name: 'duplicate offering id',
      doc: broken((d) => (d.catalogue.offerings[5].id = 'DDPS')),
      expect: /^catalogue\.offerings\[5\]\.id: duplicate offering id "DDPS"$/,
    },
    {
      name: 'negative lifetime',
      doc: broken((d) => (d.voucher.lifetimeDays = -1)),
      expect: /^voucher\.lifetimeDays: /,
    },
    {
      name: 'unknown clock start',
      doc: broken((d) => (d.voucher.clockStart = 'delivery')),
      expect: /^voucher\.clockStart: /,
    },
    {
      name: 'bad voucher pattern',
      doc: broken((d) => (d.voucher.numberPattern = '([')),
      expect: /^voucher\.numberPattern: is not a valid regular expression$/,
    },
    {
      name: 'payment window zero',
      doc: broken((d) => (d.payment.requestWindowDays = 0)),
      expect: /^payment\.requestWindowDays: /,
    },
    {
      name: 'fractional offset',
      doc: broken((d) => (d.reminders.voucherExpiry = [-60, -0.5])),
      expect: /^reminders\.voucherExpiry\[1\]: /,
    },
    {
      name: 'repeated offset',
      doc: broken((d) => (d.reminders.reportDue = [1, 1])),
      expect: /^reminders\.reportDue: repeats an offset$/,
    },
    {
      name: 'missing reminder kind',
      doc: broken((d) => delete d.reminders.paymentFollowUp),
      expect: /^reminders\.paymentFollowUp: is required$/,
    },
    {
      name: 'impossible cut-off date',
      doc: broken((d) => (d.cutoffs = { redemptionClosedFrom: '2022-02-30' })),
      expect: /^cutoffs\.redemptionClosedFrom: must be a date written YYYY-MM-DD$/,
    },
    {
      name: 'cut-offs in the wrong order',
      doc: broken(
        (d) => (d.cutoffs = { lastVoucherAssignmentOn: '2022-06-30', redemptionClosedFrom: '2022-01-01' }),
      ),
      expect: /^cutoffs\.redemptionClosedFrom: must be after cutoffs\.lastVoucherAssignmentOn$/,
    },
    {
      name: 'misspelt field',
      doc: broken((d) => (d.enrollment = { periodMonth: 12 })),
      expect: /^enrollment(: unknown field\(s\) "periodMonth"|\.periodMonths: is required)$/,
    },
    {
      name: 'bad profile name',
      doc: broken((d) => (d.profile = 'Program 2020')),
      expect: /^profile: a profile name such as program-2020$/,
    },
  ];

  for (const c of cases) {
    it(`refuses a broken file: ${c.name}`, () => {
      const r = parseRules(c.doc);
      assert.equal(r.ok, false);
      if (r.ok) return;
      assert.ok(
        r.errors.some((e) => c.expect.test(e)),
        `expected ${c.expect} in:\n${r.errors.join('\n')}`,
      );
    });
  }

  it('every broken file gives its own message', () => {
    const messages = cases.map((c) => {
      const r = parseRules(c.doc);
      return r.ok ? '' : r.errors.join('|');
    });
    assert.equal(new Set(messages).size, cases.length);
  });

  describe('loadRules with a file', () => {
    let dir: string;
    before(() => (dir = mkdtempSync(path.join(tmpdir(), 'rules-'))));
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('loads a valid file instead of the profile', () => {
      const doc = base() as unknown as Rules;
      doc.profile = 'custom';
      doc.voucher.lifetimeDays = 365;
      const file = path.join(dir, 'ok.json');
      writeFileSync(file, JSON.stringify(doc));
      const rules = loadRules({ profile: 'program-2020', file });
      assert.equal(rules.profile, 'custom');
      assert.equal(rules.voucher.lifetimeDays, 365);
    });

    it('throws naming every problem with its field', () => {
      const file = path.join(dir, 'bad.json');
      writeFileSync(
        file,
        JSON.stringify(broken((d) => ((d.voucher.lifetimeDays = 0), (d.payment.expectedPaymentDays = 'x')))),
      );
      assert.throws(
        () => loadRules({ profile: 'program-2020', file }),
        (err: unknown) =>
          err instanceof RulesError &&
          /voucher\.lifetimeDays: /.test(err.message) &&
          /payment\.expectedPaymentDays: /.test(err.message) &&
          err.problems.length === 2,
      );
    });

    it('throws on a file that is not JSON or not there', () => {
      const file = path.join(dir, 'text.json');
      writeFileSync(file, '{ profile: ');
      assert.throws(() => loadRules({ profile: 'program-2020', file }), /is not valid JSON/);
      assert.throws(
        () => loadRules({ profile: 'program-2020', file: path.join(dir, 'missing.json') }),
        /cannot be read/,
      );
    });
  });
});
