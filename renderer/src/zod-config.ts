import { z } from 'zod';

// Shared modules build zod schemas. Zod's JIT probes `new Function` on first use, which the strict CSP (no
// 'unsafe-eval') reports as a violation; the renderer never needs the JIT, so turn it off before anything runs.
// Imported first by main.tsx: module evaluation follows import order.
z.config({ jitless: true });
