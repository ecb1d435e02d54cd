// `pnpm start`: read the environment, start the app, print the bootstrap admin key once, stop on signals.
import { startApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

const app = await startApp(config).catch((error: unknown) => {
  // Typically an unreachable DATABASE_URL or a failed migration: say so plainly, without a stack.
  process.stderr.write(`Could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
if (app.bootstrapAdminKey) {
  // Printed once, on first start; only its hash is stored. Plain text on stderr so it stays out of JSON log pipelines.
  process.stderr.write(
    `\n  Admin API key (shown once, store it now):\n\n    ${app.bootstrapAdminKey}\n\n` +
      `  Use it as: Authorization: Bearer <key>   (or set ADMIN_API_KEY to choose your own)\n\n`,
  );
  app.log.warn("a new admin API key was created and printed to stderr once");
}
app.log.info(`GraphiQL: ${app.url}/graphql`);

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, "shutting down");
    const force = setTimeout(() => {
      app.log.error("shutdown took longer than 10s; exiting");
      process.exit(1);
    }, 10_000);
    force.unref();
    app.close().then(
      () => {
        app.log.info("stopped");
        process.exit(0);
      },
      (error: unknown) => {
        app.log.error({ err: error }, "error during shutdown");
        process.exit(1);
      },
    );
  });
}
