// A partner's area (its own users, or its program's managers): referral links, conversions, commissions,
// analytics and live feed, and the business's loyalty: clubs, cards and rewards, members, loyalty analytics.
// Another partner's id reads as not found: the server does not show it to this caller.
import { isNotFound } from "../../errors.js";
import { PartnerHomeDocument } from "../../generated.js";
import { TimeZoneContext, useI18n } from "../../i18n/index.js";
import { Layout } from "../../ui/layout.js";
import { ErrorNote, Loading, NotFound } from "../../ui/states.js";
import { useQuery } from "../../ui/use-query.js";
import { LoyaltyAnalytics } from "../loyalty/analytics.js";
import { Cards } from "../loyalty/cards.js";
import { Clubs } from "../loyalty/clubs.js";
import { Members } from "../loyalty/members.js";
import { Analytics } from "../referrals/analytics.js";
import { Links } from "../referrals/links.js";
import { Commissions, Conversions } from "../referrals/lists.js";
import { LiveView } from "../referrals/live.js";

export default function PartnerArea({
  partnerId,
  section,
  item,
}: {
  partnerId: string;
  section: string;
  item: string | undefined;
}) {
  const { t } = useI18n();
  const home = useQuery(PartnerHomeDocument, { id: partnerId });
  const base = `/partners/${partnerId}`;
  const nav = [
    { href: `${base}/links`, label: t("nav.links") },
    { href: `${base}/conversions`, label: t("nav.conversions") },
    { href: `${base}/commissions`, label: t("nav.commissions") },
    { href: `${base}/analytics`, label: t("nav.analytics") },
    { href: `${base}/live`, label: t("nav.live") },
    { href: `${base}/clubs`, label: t("nav.clubs") },
    { href: `${base}/cards`, label: t("nav.cards") },
    { href: `${base}/members`, label: t("nav.members") },
    { href: `${base}/loyalty`, label: t("nav.loyaltyAnalytics") },
  ];
  if (home.error && isNotFound(home.error))
    return (
      <Layout>
        <NotFound />
      </Layout>
    );
  const partner = home.data?.partner;
  const programId = partner?.program.id ?? "";
  const views: Record<string, () => React.ReactNode> = {
    links: () => <Links programId={programId} partnerId={partnerId} />,
    conversions: () => <Conversions programId={programId} partnerId={partnerId} />,
    commissions: () => <Commissions programId={programId} partnerId={partnerId} />,
    analytics: () => <Analytics programId={programId} partnerId={partnerId} />,
    live: () => <LiveView programId={programId} partnerId={partnerId} />,
    clubs: () => <Clubs partnerId={partnerId} />,
    cards: () => <Cards partnerId={partnerId} cardId={item} />,
    members: () => <Members programId={programId} />,
    loyalty: () => <LoyaltyAnalytics programId={programId} partnerId={partnerId} />,
  };
  const view = views[section];
  return (
    <TimeZoneContext.Provider value={partner?.program.timezone ?? undefined}>
      <Layout nav={nav} title={partner?.name}>
        {home.error ? (
          <ErrorNote error={home.error} onRetry={home.reload} />
        ) : !partner ? (
          <Loading />
        ) : view ? (
          view()
        ) : (
          <NotFound />
        )}
      </Layout>
    </TimeZoneContext.Provider>
  );
}
