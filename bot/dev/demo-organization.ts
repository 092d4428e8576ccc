// The demo partner organisation: people in every role, eligibility met, enrolments (one renewing soon), a profile.
import { addDays, addMonths, localDate, ORGANIZATION_ID, Organization, type Person } from '../program';
import { SEED_CONSULTANTS, SEED_PEOPLE, type SeedPerson } from './seed-people';

/** Nine in the morning (UTC), `daysAgo` days before `today`. */
function morning(today: string, daysAgo: number): string {
  return `${addDays(today, -daysAgo)}T09:00:00.000Z`;
}

function person(p: SeedPerson, roles: Person['roles'], firstSeenAt: string): Person {
  return { ...p, roles, assessments: [], settings: {}, firstSeenAt };
}

/** A consultant with the three assessments behind the organisation's competencies. */
function consultant(c: SeedPerson, i: number, today: string): Person {
  const assessment = (code: string, competency: string, daysAgo: number) => ({
    id: `${c.userId}-${code}`,
    name: `${competency} assessment`,
    competency,
    completedOn: addDays(today, -daysAgo + i * 10),
  });
  return {
    ...person(c, ['consultant'], morning(today, 300 - i * 20)),
    assessments: [
      assessment('wd', 'Windows and Devices', 250),
      assessment('cc', 'Collaboration and Content', 200),
      assessment('da', 'Data Analytics', 150),
    ],
  };
}

export function demoOrganization(tenantId: string, now: Date): Organization {
  const today = localDate(now);
  const at = (daysAgo: number): string => morning(today, daysAgo);
  return Organization.parse({
    id: ORGANIZATION_ID,
    tenantId,
    createdAt: at(400),
    people: [
      person(SEED_PEOPLE.globalAdmin, ['globalAdmin'], at(400)),
      person(SEED_PEOPLE.partnerAdmin, ['mpnPartnerAdmin'], at(390)),
      ...SEED_CONSULTANTS.map((c, i) => consultant(c, i, today)),
    ],
    complianceTraining: { completedOn: addDays(today, -380), recordedBy: SEED_PEOPLE.partnerAdmin.userId },
    competencies: [
      { name: 'Windows and Devices', level: 'Gold', validUntil: addDays(today, 200) },
      { name: 'Collaboration and Content', level: 'Silver', validUntil: addDays(today, 120) },
      { name: 'Data Analytics', level: 'Gold', validUntil: addDays(today, 300) },
      { name: 'Messaging', level: 'Silver', validUntil: addDays(today, -20) },
    ],
    enrollments: [
      // Renewal due in 24 days: the tab's countdown has something to count.
      enrollment('DDPS', addMonths(addDays(today, 24), -12), 'US'),
      enrollment('SDPS', addDays(today, -120), 'BR'),
      enrollment('SSDPS', addDays(today, -200), 'ES'),
    ],
    businessProfile: { lastUpdatedOn: addDays(today, -300) },
    savbRegistrations: [
      {
        offeringId: 'DDPS',
        registeredOn: addDays(today, -250),
        registeredBy: SEED_PEOPLE.globalAdmin.userId,
      },
      { offeringId: 'SDPS', registeredOn: addDays(today, -90), registeredBy: SEED_PEOPLE.globalAdmin.userId },
    ],
    audit: [
      {
        at: at(400),
        by: SEED_PEOPLE.globalAdmin.userId,
        byName: SEED_PEOPLE.globalAdmin.name,
        action: 'role.claimGlobalAdmin',
      },
    ],
  });
}

function enrollment(
  offeringId: string,
  enrolledOn: string,
  country: string,
): Organization['enrollments'][number] {
  return {
    offeringId,
    agreementSignedOn: addDays(enrolledOn, -3),
    enrolledOn,
    approvedLocations: [{ id: `loc-${country.toLowerCase()}`, name: `Office ${country}`, country }],
  };
}
