// Two projects: fast unit tests with no browser, and end-to-end tests that drive a real
// headless Firefox against the local lab of broken HTTPS servers (test/lab).
/** @type {import('ts-jest').TsJestTransformerOptions} */
const tsJest = [
  'ts-jest',
  {
    tsconfig: {
      module: 'commonjs',
      moduleResolution: 'node',
      jsx: 'react-jsx',
      jsxImportSource: 'preact',
      esModuleInterop: true,
      resolveJsonModule: true,
      isolatedModules: true,
    },
  },
];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts?(x)'],
      transform: { '^.+\\.tsx?$': tsJest },
      testEnvironment: 'node',
      // Component tests (jsdom) must load Preact's CommonJS build, not its browser ESM build.
      testEnvironmentOptions: { customExportConditions: ['node', 'require', 'default'] },
    },
    {
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
      testEnvironment: 'node',
      slowTestThreshold: 60,
    },
    {
      // Not in `npm test`: the flood page (1,000 frames on distinct subdomains, 10,000 failing
      // images) takes about three minutes to load in Firefox on the project's 2-core machine,
      // which would make the whole suite about 10 minutes instead of 7 (issue 12; BENCHMARKS.md
      // "Flood"). Run it with `npm run test:flood`.
      displayName: 'flood',
      testMatch: ['<rootDir>/test/flood/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
      testEnvironment: 'node',
    },
  ],
};
