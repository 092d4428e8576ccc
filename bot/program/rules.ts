// Program rules: validation of a rules document and lookups in its catalogue.
import type { z } from 'zod';
import { Rules, type CompetencyLevel, type Engagement, type Offering } from './model';
import { PROFILES } from './profiles';

export type ParseRulesResult = { ok: true; rules: Rules } | { ok: false; errors: string[] };

/** `catalogue.offerings[0].engagements[1].maximumDays` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(root)';
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return 'is required';
  if (issue.code === 'unrecognized_keys')
    return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}

/** Validates a rules document (already parsed from JSON). Every problem is one line naming its field. */
export function parseRules(json: unknown): ParseRulesResult {
  const parsed = Rules.safeParse(json);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${formatPath(i.path)}: ${describe(i)}`) };
  }
  const errors = crossCheck(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rules: parsed.data };
}

/** Checks zod cannot express field by field: unique ids, service levels within maximums, sane cut-offs. */
function crossCheck(rules: Rules): string[] {
  const errors: string[] = [];
  const offeringIds = new Set<string>();
  const engagementIds = new Set<string>();
  rules.catalogue.offerings.forEach((o, oi) => {
    const at = `catalogue.offerings[${oi}]`;
    if (offeringIds.has(o.id)) errors.push(`${at}.id: duplicate offering id "${o.id}"`);
    offeringIds.add(o.id);
    o.engagements.forEach((e, ei) => {
      const eat = `${at}.engagements[${ei}]`;
      if (engagementIds.has(e.id)) errors.push(`${eat}.id: duplicate engagement id "${e.id}"`);
      engagementIds.add(e.id);
      e.serviceLevels.forEach((days, si) => {
        if (days > e.maximumDays) {
          errors.push(`${eat}.serviceLevels[${si}]: ${days} days exceeds maximumDays (${e.maximumDays})`);
        }
      });
      if (e.maximumDays > rules.engagementLimits.maximumDaysPerCustomer) {
        errors.push(
          `${eat}.maximumDays: ${e.maximumDays} exceeds engagementLimits.maximumDaysPerCustomer (${rules.engagementLimits.maximumDaysPerCustomer})`,
        );
      }
    });
  });
  try {
    new RegExp(rules.voucher.numberPattern);
  } catch {
    errors.push('voucher.numberPattern: is not a valid regular expression');
  }
  for (const [kind, offsets] of Object.entries(rules.reminders)) {
    if (new Set(offsets).size !== offsets.length) errors.push(`reminders.${kind}: repeats an offset`);
  }
  const { lastVoucherAssignmentOn, redemptionClosedFrom } = rules.cutoffs;
  if (lastVoucherAssignmentOn && redemptionClosedFrom && redemptionClosedFrom <= lastVoucherAssignmentOn) {
    errors.push('cutoffs.redemptionClosedFrom: must be after cutoffs.lastVoucherAssignmentOn');
  }
  return errors;
}

export function profileNames(): string[] {
  return Object.keys(PROFILES);
}

/** A built-in profile, validated. Unknown names and broken built-ins come back as errors, not throws. */
export function builtInRules(profile: string): ParseRulesResult {
  const raw = PROFILES[profile];
  if (raw === undefined) {
    return {
      ok: false,
      errors: [`profile: unknown profile "${profile}" (known: ${profileNames().join(', ')})`],
    };
  }
  return parseRules(raw);
}

export function findOffering(rules: Rules, offeringId: string): Offering | undefined {
  return rules.catalogue.offerings.find((o) => o.id === offeringId);
}

export function findEngagement(
  rules: Rules,
  engagementId: string,
): { offering: Offering; engagement: Engagement } | undefined {
  for (const offering of rules.catalogue.offerings) {
    const engagement = offering.engagements.find((e) => e.id === engagementId);
    if (engagement) return { offering, engagement };
  }
  return undefined;
}

export function competencyNames(rules: Rules): string[] {
  const names = new Set<string>();
  for (const o of rules.catalogue.offerings) {
    for (const e of o.engagements) for (const c of e.requiredCompetencies) names.add(c.name);
  }
  return [...names].sort();
}

const LEVEL_RANK: Record<CompetencyLevel, number> = { Silver: 1, Gold: 2 };

export function levelAtLeast(held: CompetencyLevel, minimum: CompetencyLevel): boolean {
  return LEVEL_RANK[held] >= LEVEL_RANK[minimum];
}
