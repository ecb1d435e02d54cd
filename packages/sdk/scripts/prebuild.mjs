// Before tsc: an empty dist (no stale files in the package), plus the contract the SDK was generated from,
// shipped as dist/schema.graphql so teams can type their own documents with codegen offline.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";

const dist = new URL("../dist/", import.meta.url);
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);
copyFileSync(new URL("../../../schema.graphql", import.meta.url), new URL("schema.graphql", dist));
