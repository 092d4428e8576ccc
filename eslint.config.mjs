// ESLint flat config: typescript-eslint's recommended rules over every TypeScript file in the repo.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'tab/dist/**',
      'manifest/build/**',
      '.data/**',
      'test-artifacts/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // House rule: a function a person can hold in their head (the 500-line file limit is in test/docs.test.ts).
    files: ['bot/**/*.ts', 'cards/**/*.ts', 'tab/src/**/*.ts', 'manifest/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // The domain is pure: no SDK, no clock, no I/O. Enforced here so a slip fails `npm test`.
    files: ['bot/program/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'botbuilder*',
                'restify*',
                '@azure/*',
                'pino',
                '../store/*',
                '../teams/*',
                '../api/*',
                '../reminders/*',
                'node:fs',
                'fs',
              ],
              message: 'bot/program/ is pure: no SDK or I/O imports.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Time is injected: take `now` as input.' },
      ],
    },
  },
);
