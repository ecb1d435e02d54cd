export { startApp, type App, type StartOptions } from "./app.js";
export { loadConfig, type Config } from "./config.js";
export { openDatabase, type Database, type DatabaseTarget } from "./db/database.js";
export { printContract, schema } from "./schema/index.js";
