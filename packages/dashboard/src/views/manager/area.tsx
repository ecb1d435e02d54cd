// The program manager's area: partners, links, analytics and the live view of one program.

import { isNotFound } from "../../errors.js";
import { ProgramSettingsDocument } from "../../generated.js";
import { TimeZoneContext, useI18n } from "../../i18n/index.js";
import { useSession } from "../../session.js";
import { Layout } from "../../ui/layout.js";
import { ErrorNote, Loading, NotFound } from "../../ui/states.js";
import { useQuery } from "../../ui/use-query.js";
import { Analytics } from "../referrals/analytics.js";
import { Links } from "../referrals/links.js";
import { LiveView } from "../referrals/live.js";
import { Partners } from "./partners.js";

export default function ManagerArea({ programId, section }: { programId: string; section: string }) {
  const { t } = useI18n();
  const { viewer } = useSession();
  // Partners and staff may read the program too, but its management is not theirs: not shown to them.
  const manages = viewer?.roles.some(
    (r) => r.role === "ADMIN" || (r.role === "PROGRAM_MANAGER" && r.program?.id === programId),
  );
  const program = useQuery(ProgramSettingsDocument, { id: programId });
  const base = `/programs/${programId}`;
  const nav = [
    { href: `${base}/partners`, label: t("nav.partners") },
    { href: `${base}/links`, label: t("nav.links") },
    { href: `${base}/analytics`, label: t("nav.analytics") },
    { href: `${base}/live`, label: t("nav.live") },
  ];
  if ((program.error && isNotFound(program.error)) || (viewer && !manages))
    return (
      <Layout>
        <NotFound />
      </Layout>
    );
  const settings = program.data?.program;
  return (
    <TimeZoneContext.Provider value={settings?.timezone ?? undefined}>
      <Layout nav={nav} title={settings?.name}>
        {program.error ? (
          <ErrorNote error={program.error} onRetry={program.reload} />
        ) : !settings ? (
          <Loading />
        ) : section === "partners" ? (
          <Partners programId={programId} />
        ) : section === "links" ? (
          <Links programId={programId} />
        ) : section === "analytics" ? (
          <Analytics programId={programId} />
        ) : section === "live" ? (
          <LiveView programId={programId} />
        ) : (
          <NotFound />
        )}
      </Layout>
    </TimeZoneContext.Provider>
  );
}
