// A member's own page: the cards they collect on (balance, stamp progress), their coupons, and the QR to show at
// the counter. Someone else's member id reads as not found.
import { MyCardsDocument } from "../../generated.js";
import { useFormat, useI18n } from "../../i18n/index.js";
import { Layout } from "../../ui/layout.js";
import { Empty, ErrorNote, Loading, NotFound } from "../../ui/states.js";
import { useQuery } from "../../ui/use-query.js";
import { CardFace } from "../loyalty/card-face.js";
import { MemberQr } from "./qr.js";

export default function MemberArea({ memberId }: { memberId: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const mine = useQuery(MyCardsDocument, { memberId });
  const member = mine.data?.node && "cards" in mine.data.node ? mine.data.node : undefined;
  if (mine.data && !member)
    return (
      <Layout>
        <NotFound />
      </Layout>
    );
  return (
    <Layout title={t("member.title")}>
      {mine.error ? (
        <ErrorNote error={mine.error} onRetry={mine.reload} />
      ) : !member ? (
        <Loading />
      ) : (
        <section>
          <h1>{t("member.title")}</h1>
          <MemberQr memberId={memberId} onUsed={mine.reload} />
          <h2>{t("member.cards")}</h2>
          {member.cards.nodes.length === 0 ? (
            <Empty>{t("member.noCards")}</Empty>
          ) : (
            <ul className="cards">
              {member.cards.nodes.map(({ card, balance, stamps }) => (
                <li key={card.id} className="panel">
                  <CardFace
                    name={card.name}
                    description={card.partnerName}
                    background={card.design.backgroundColor}
                    text={card.design.textColor}
                  />
                  {stamps ? (
                    <>
                      <p>{t("member.stamps", { current: stamps.current, required: stamps.stampsRequired })}</p>
                      <progress max={stamps.stampsRequired} value={stamps.current} aria-label={t("member.progress")} />
                      {stamps.fullCards > 0 && <p>{t("member.fullCards", { count: stamps.fullCards })}</p>}
                    </>
                  ) : (
                    <p>{t("member.points", { balance: format.number(balance) })}</p>
                  )}
                </li>
              ))}
            </ul>
          )}
          <h2>{t("member.coupons")}</h2>
          {member.coupons.nodes.length === 0 ? (
            <Empty>{t("member.noCoupons")}</Empty>
          ) : (
            <ul className="coupons">
              {member.coupons.nodes.map((coupon) => (
                <li key={coupon.id} className="panel">
                  <strong>{coupon.title}</strong> <code>{coupon.code}</code> — {t(`couponStatus.${coupon.status}`)}
                  {coupon.expiresAt && <> · {t("member.expires", { date: format.date(coupon.expiresAt) })}</>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </Layout>
  );
}
