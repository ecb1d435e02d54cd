// Staff at the counter: pick one of their clubs' cards, take the member's QR (scanned or pasted), then add
// stamps, award points from a purchase, redeem a reward or a coupon. Refusals are shown as sentences.
import { type FormEvent, useState } from "react";
import { client } from "../../api.js";
import { isNotFound } from "../../errors.js";
import {
  CounterCardsDocument,
  type CounterCardsQuery,
  CounterCouponDocument,
  CounterPointsDocument,
  CounterRedeemDocument,
  CounterStampsDocument,
  ProgramSettingsDocument,
} from "../../generated.js";
import { TimeZoneContext, useI18n } from "../../i18n/index.js";
import { Field, FormFailure } from "../../ui/field.js";
import { Layout } from "../../ui/layout.js";
import { Empty, ErrorNote, Loaded, NotFound } from "../../ui/states.js";
import { useAction } from "../../ui/use-action.js";
import { useQuery } from "../../ui/use-query.js";
import { QrInput } from "./qr-input.js";

type CounterCard = CounterCardsQuery["cards"]["nodes"][number];

export default function CounterArea({ programId }: { programId: string }) {
  const { t } = useI18n();
  const program = useQuery(ProgramSettingsDocument, { id: programId });
  const cards = useQuery(CounterCardsDocument, { programId });
  if (program.error && isNotFound(program.error))
    return (
      <Layout>
        <NotFound />
      </Layout>
    );
  return (
    <TimeZoneContext.Provider value={program.data?.program?.timezone ?? undefined}>
      <Layout title={t("counter.title")}>
        {program.error ? <ErrorNote error={program.error} onRetry={program.reload} /> : null}
        <Loaded query={cards}>
          {(data) =>
            data.cards.nodes.length === 0 ? (
              <Empty>{t("counter.noCards")}</Empty>
            ) : (
              <Counter cards={data.cards.nodes} onChanged={cards.reload} />
            )
          }
        </Loaded>
      </Layout>
    </TimeZoneContext.Provider>
  );
}

function Counter({ cards, onChanged }: { cards: readonly CounterCard[]; onChanged: () => void }) {
  const { t } = useI18n();
  const [cardId, setCardId] = useState(cards[0]?.id ?? "");
  const card = cards.find((c) => c.id === cardId) ?? cards[0];
  const [qr, setQr] = useState("");
  const [amount, setAmount] = useState("");
  const [stamps, setStamps] = useState("1");
  const [couponCode, setCouponCode] = useState("");
  const [done, setDone] = useState("");
  const action = useAction();
  if (!card) return null;
  // Each action gets its own idempotency key: a retry of the same request is not done twice.
  const idempotencyKey = () => crypto.randomUUID();

  async function addStamps(event: FormEvent) {
    event.preventDefault();
    if (!card) return;
    setDone("");
    const result = await action.run(() =>
      client
        .request(CounterStampsDocument, {
          input: {
            cardId: card.id,
            qr: qr.trim(),
            idempotencyKey: idempotencyKey(),
            ...(amount ? { purchaseAmount: amount } : { stamps: Number(stamps) }),
          },
        })
        .then((r) => r.addStamps),
    );
    if (result?.__typename === "AddStampsPayload")
      setDone(
        t("counter.stamped", {
          added: result.stampsAdded,
          current: result.progress.current,
          required: result.progress.stampsRequired,
          full: result.progress.fullCards,
        }),
      );
  }

  async function awardPoints(event: FormEvent) {
    event.preventDefault();
    if (!card) return;
    setDone("");
    const result = await action.run(() =>
      client
        .request(CounterPointsDocument, {
          input: { cardId: card.id, qr: qr.trim(), idempotencyKey: idempotencyKey(), purchaseAmount: amount },
        })
        .then((r) => r.awardPoints),
    );
    if (result?.__typename === "AwardPointsPayload")
      setDone(t("counter.awarded", { points: result.pointsAwarded, balance: result.balance }));
  }

  async function redeem(rewardId: string) {
    if (!card) return;
    setDone("");
    const result = await action.run(() =>
      client
        .request(CounterRedeemDocument, {
          input: { rewardId, cardId: card.id, qr: qr.trim(), idempotencyKey: idempotencyKey() },
        })
        .then((r) => r.redeemReward),
    );
    if (result?.__typename === "RedeemRewardPayload") {
      setDone(
        result.coupon
          ? t("counter.redeemedCoupon", { title: result.redemption.reward.title, code: result.coupon.code })
          : t("counter.redeemed", { title: result.redemption.reward.title }),
      );
      onChanged();
    }
  }

  async function redeemCoupon(event: FormEvent) {
    event.preventDefault();
    setDone("");
    const result = await action.run(() =>
      client
        .request(CounterCouponDocument, { input: { code: couponCode, idempotencyKey: idempotencyKey() } })
        .then((r) => r.redeemCoupon),
    );
    if (result?.__typename === "RedeemCouponPayload") {
      setDone(t("counter.couponUsed", { title: result.coupon.title }));
      setCouponCode("");
    }
  }

  return (
    <section className="counter">
      <h1>{t("counter.title")}</h1>
      <fieldset>
        <legend>{t("counter.card")}</legend>
        {cards.map((c) => (
          <label key={c.id} className="check">
            <input type="radio" name="card" checked={c.id === card.id} onChange={() => setCardId(c.id)} />
            {c.name} ({c.partnerName}, {t(`cardType.${c.type}`)})
          </label>
        ))}
      </fieldset>
      <QrInput value={qr} onChange={setQr} />
      {card.type === "STAMP" ? (
        <form onSubmit={addStamps} aria-label={t("counter.addStamps")}>
          <Field
            label={t("counter.stamps")}
            type="number"
            min={1}
            max={100}
            value={stamps}
            onChange={(e) => setStamps(e.target.value)}
          />
          <Field
            label={t("counter.amountOptional")}
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
          <button type="submit" className="primary" disabled={action.busy || !qr.trim()}>
            {t("counter.addStamps")}
          </button>
        </form>
      ) : (
        <form onSubmit={awardPoints} aria-label={t("counter.awardPoints")}>
          <Field
            label={t("counter.amount")}
            inputMode="decimal"
            required
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
          <button type="submit" className="primary" disabled={action.busy || !qr.trim()}>
            {t("counter.awardPoints")}
          </button>
        </form>
      )}
      <h2>{t("counter.rewards")}</h2>
      {card.rewards.nodes.length === 0 ? (
        <Empty>{t("rewards.empty")}</Empty>
      ) : (
        <ul className="rewards">
          {card.rewards.nodes.map((reward) => (
            <li key={reward.id}>
              <span>
                {reward.title} —{" "}
                {card.type === "STAMP"
                  ? t("rewards.stampCost", { count: reward.cost })
                  : t("rewards.pointCost", { count: reward.cost })}
              </span>
              <button type="button" onClick={() => redeem(reward.id)} disabled={action.busy || !qr.trim()}>
                {t("counter.redeem", { title: reward.title })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={redeemCoupon} aria-label={t("counter.redeemCoupon")}>
        <Field
          label={t("counter.couponCode")}
          required
          value={couponCode}
          onChange={(e) => setCouponCode(e.target.value)}
        />
        <button type="submit" disabled={action.busy}>
          {t("counter.redeemCoupon")}
        </button>
      </form>
      <p role="status" className="success">
        {done}
      </p>
      <FormFailure failure={action.failure} />
    </section>
  );
}
