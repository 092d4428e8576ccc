// A person's record inside the organisation document: a blank one, and the document with it put in.
import type { Organization, Person } from '../model';

export function blankPerson(userId: string, now: Date, name = ''): Person {
  return { userId, name, roles: [], assessments: [], settings: {}, firstSeenAt: now.toISOString() };
}

export function withPerson(org: Organization, person: Person): Organization {
  const exists = org.people.some((p) => p.userId === person.userId);
  return {
    ...org,
    people: exists
      ? org.people.map((p) => (p.userId === person.userId ? person : p))
      : [...org.people, person],
  };
}
