// `pnpm seed:volume`: seeds the PostgreSQL database at DATABASE_URL (migrating it first) with one program, one
// project, 50 partners with 2 links each, 1,000,000 clicks over the last 90 days and 50,000 conversions with
// their commissions, set-based (see scripts/volume.ts). CLICKS, CONVERSIONS, PARTNERS and DAYS override the sizes.
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl || !/^postgres(ql)?:\/\//.test(databaseUrl)) {
  console.error(
    "seed:volume needs DATABASE_URL=postgres://… : it writes a million rows with PostgreSQL's generate_series, which the embedded\n" +
      "database (PGlite, the default without DATABASE_URL) is neither meant for nor fast at. Example:\n" +
      "  createdb -h 127.0.0.1 -U postgres volume && DATABASE_URL=postgres://postgres@127.0.0.1:5432/volume pnpm seed:volume",
  );
  process.exit(2);
}
const int = (name: string, fallback: number) => {
  const v = process.env[name];
  if (v === undefined || v === "") return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`${name} must be a positive integer`);
    process.exit(2);
  }
  return n;
};
// Imported after the check: the app (and the built @partnergraph/points) is needed only to seed.
const { seedVolume } = await import("./volume.js");
const result = await seedVolume(databaseUrl, {
  clicks: int("CLICKS", 1_000_000),
  conversions: int("CONVERSIONS", 50_000),
  partners: int("PARTNERS", 50),
  days: int("DAYS", 90),
});
console.log(
  `seeded ${result.clicks.toLocaleString("en")} clicks, ${result.conversions.toLocaleString("en")} conversions, ${result.commissions.toLocaleString("en")} commissions ` +
    `in ${result.seconds.toFixed(1)} s\nprogram ${result.programGid}, project ${result.projectGid}`,
);
process.exit(0);
