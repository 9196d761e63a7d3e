export default async function globalTeardown(): Promise<void> {
  // Both projects that share the dev server call this: the first stops it.
  const env = globalThis.__temporalTestEnv;
  globalThis.__temporalTestEnv = undefined;
  await env?.teardown();
}
