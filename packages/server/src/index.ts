export { type App, type StartOptions, startApp } from "./app.js";
export { type Config, loadConfig } from "./config.js";
export { type Database, type DatabaseTarget, openDatabase } from "./db/database.js";
export { printContract, schema } from "./schema/index.js";
