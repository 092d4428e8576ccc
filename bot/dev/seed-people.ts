// The people of the demo organisation; tests sign in as them.

export type SeedPerson = { userId: string; name: string; email: string };

export const SEED_PEOPLE = {
  globalAdmin: {
    userId: '00000000-0000-0000-0000-0000000000a1',
    name: 'Ana Souza',
    email: 'ana@partner.example',
  },
  partnerAdmin: { userId: 'seed-user-carlos', name: 'Carlos Ruiz', email: 'carlos@partner.example' },
  consultantBeatriz: { userId: 'seed-user-beatriz', name: 'Beatriz Lima', email: 'beatriz@partner.example' },
  consultantDiego: { userId: 'seed-user-diego', name: 'Diego Fernández', email: 'diego@partner.example' },
  consultantEmily: { userId: 'seed-user-emily', name: 'Emily Clark', email: 'emily@partner.example' },
} as const;

export const SEED_CONSULTANTS: readonly SeedPerson[] = [
  SEED_PEOPLE.consultantBeatriz,
  SEED_PEOPLE.consultantDiego,
  SEED_PEOPLE.consultantEmily,
];
