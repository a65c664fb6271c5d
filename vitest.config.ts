import { defineConfig } from 'vitest/config';

// Two projects so CI can report unit and integration separately; e2e runs under Playwright.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // s3rver needs the legacy OpenSSL provider for listings past 1000 keys (DESIGN.md section 8).
          execArgv: ['--openssl-legacy-provider'],
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'conformance',
          include: ['test/conformance/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
