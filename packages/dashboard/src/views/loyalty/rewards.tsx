// One card's rewards: what each costs (points, or a full stamp card), stock and availability; add a reward.
import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { client } from "../../api.js";
import { AddRewardDocument, type CardRowFragment, type RewardKind, RewardListDocument } from "../../generated.js";
import { useFormat, useI18n } from "../../i18n/index.js";
import { Field, FormFailure, Select } from "../../ui/field.js";
import { Empty, Loaded } from "../../ui/states.js";
import { useAction } from "../../ui/use-action.js";
import { useQuery } from "../../ui/use-query.js";

export function Rewards({ card, back }: { card: CardRowFragment; back: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const rewards = useQuery(RewardListDocument, { cardId: card.id });
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<RewardKind>("COUPON");
  const [pointsCost, setPointsCost] = useState("100");
  const [stock, setStock] = useState("");
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const done = await action.run(() =>
      client
        .request(AddRewardDocument, {
          input: {
            cardId: card.id,
            title,
            kind,
            ...(card.type === "LOYALTY" ? { pointsCost: Number(pointsCost) } : {}),
            ...(stock ? { stock: Number(stock) } : {}),
          },
        })
        .then((r) => r.createReward),
    );
    if (done) {
      setTitle("");
      rewards.reload();
    }
  }

  return (
    <section>
      <p>
        <Link href={back}>{t("cards.back")}</Link>
      </p>
      <h1>{t("rewards.title", { name: card.name })}</h1>
      <form className="inline-form" onSubmit={submit} aria-label={t("rewards.create")}>
        <Field label={t("rewards.name")} required value={title} onChange={(e) => setTitle(e.target.value)} />
        <Select label={t("rewards.kind")} value={kind} onChange={(v) => setKind(v as RewardKind)}>
          <option value="COUPON">{t("rewardKind.COUPON")}</option>
          <option value="INSTANT">{t("rewardKind.INSTANT")}</option>
        </Select>
        {card.type === "LOYALTY" && (
          <Field
            label={t("rewards.pointsCost")}
            type="number"
            min={1}
            required
            value={pointsCost}
            onChange={(e) => setPointsCost(e.target.value)}
          />
        )}
        <Field
          label={t("rewards.stock")}
          type="number"
          min={0}
          value={stock}
          onChange={(e) => setStock(e.target.value)}
        />
        <button type="submit" className="primary" disabled={action.busy}>
          {t("rewards.create")}
        </button>
        <FormFailure failure={action.failure} />
      </form>
      <Loaded query={rewards}>
        {(data) =>
          data.rewards.nodes.length === 0 ? (
            <Empty>{t("rewards.empty")}</Empty>
          ) : (
            <table>
              <caption className="visually-hidden">{t("rewards.title", { name: card.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("rewards.name")}</th>
                  <th scope="col">{t("rewards.kind")}</th>
                  <th scope="col">{t("rewards.cost")}</th>
                  <th scope="col">{t("rewards.stock")}</th>
                  <th scope="col">{t("rewards.available")}</th>
                </tr>
              </thead>
              <tbody>
                {data.rewards.nodes.map((reward) => (
                  <tr key={reward.id}>
                    <td>{reward.title}</td>
                    <td>{t(`rewardKind.${reward.kind}`)}</td>
                    <td className="number">
                      {card.type === "STAMP"
                        ? t("rewards.stampCost", { count: reward.cost })
                        : t("rewards.pointCost", { count: format.number(reward.cost) })}
                    </td>
                    <td className="number">{reward.stock ?? t("rewards.unlimited")}</td>
                    <td>{reward.available ? t("rewards.yes") : t("rewards.no")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </section>
  );
}
