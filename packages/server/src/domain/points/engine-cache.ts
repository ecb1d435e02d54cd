// The engine for a program, prepared once per configuration version: preparing indexes every campaign, which
// is too slow to repeat per basket for programs with thousands of them.
import { type PointsEngine, type ProgramConfig, prepareProgram } from "@partnergraph/points";

const MAX_PROGRAMS = 200;
const engines = new Map<string, { version: number; engine: PointsEngine }>();

export async function engineFor(
  programId: string,
  version: number,
  load: () => Promise<ProgramConfig>,
): Promise<PointsEngine> {
  const cached = engines.get(programId);
  if (cached && cached.version === version) return cached.engine;
  const engine = prepareProgram(await load());
  engines.delete(programId); // re-insert: Map order doubles as least-recently-prepared order
  engines.set(programId, { version, engine });
  if (engines.size > MAX_PROGRAMS) engines.delete(engines.keys().next().value!);
  return engine;
}
