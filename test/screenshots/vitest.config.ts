// `npm run screenshots`: the README's pictures through the browser harness. Not part of `npm test` (no *.test.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/screenshots/*.shots.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
