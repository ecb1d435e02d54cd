// The business's stamp and loyalty cards: create one (rules, design with a live preview, visibility, coupon
// validity, clubs); a card's page lists and adds its rewards.
import { type FormEvent, useId, useState } from "react";
import { Link } from "wouter";
import { client } from "../../api.js";
import {
  AddLoyaltyCardDocument,
  AddStampCardDocument,
  type CardType,
  type CardVisibility,
  ClubListDocument,
  OwnerCardsDocument,
} from "../../generated.js";
import { useI18n } from "../../i18n/index.js";
import { Field, FormFailure, Select } from "../../ui/field.js";
import { Empty, Loaded, NotFound } from "../../ui/states.js";
import { useAction } from "../../ui/use-action.js";
import { useQuery } from "../../ui/use-query.js";
import { CardFace } from "./card-face.js";
import { Rewards } from "./rewards.js";

export function Cards({ partnerId, cardId }: { partnerId: string; cardId: string | undefined }) {
  const { t } = useI18n();
  const cards = useQuery(OwnerCardsDocument, { partnerId });
  if (cardId)
    return (
      <Loaded query={cards}>
        {(data) => {
          const card = data.cards.nodes.find((c) => c.id === cardId);
          return card ? <Rewards card={card} back={`/partners/${partnerId}/cards`} /> : <NotFound />;
        }}
      </Loaded>
    );
  return (
    <section>
      <h1>{t("cards.title")}</h1>
      <NewCard partnerId={partnerId} onCreated={cards.reload} />
      <Loaded query={cards}>
        {(data) =>
          data.cards.nodes.length === 0 ? (
            <Empty>{t("cards.empty")}</Empty>
          ) : (
            <ul className="cards">
              {data.cards.nodes.map((card) => (
                <li key={card.id} className="panel">
                  <CardFace
                    name={card.design.name}
                    description={card.design.description}
                    background={card.design.backgroundColor}
                    text={card.design.textColor}
                  />
                  <p>
                    {t(`cardType.${card.type}`)} · {t(`cardStatus.${card.status}`)} ·{" "}
                    {t(`visibility.${card.visibility}`)}
                  </p>
                  <p className="muted">{card.clubs.map((c) => c.name).join(", ")}</p>
                  <Link href={`/partners/${partnerId}/cards/${card.id}`}>
                    {t("cards.rewardsOf", { name: card.name })}
                  </Link>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

function NewCard({ partnerId, onCreated }: { partnerId: string; onCreated: () => void }) {
  const { t } = useI18n();
  const clubs = useQuery(ClubListDocument, { partnerId });
  const [type, setType] = useState<CardType>("STAMP");
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [stampsRequired, setStampsRequired] = useState("10");
  const [pointsPerUnit, setPointsPerUnit] = useState("1");
  const [visibility, setVisibility] = useState<CardVisibility>("PUBLIC");
  const [validity, setValidity] = useState("");
  const [background, setBackground] = useState("#1f5fa8");
  const [text, setText] = useState("#ffffff");
  const [clubIds, setClubIds] = useState<string[]>([]);
  const clubsLegend = useId();
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const common = {
      clubIds,
      visibility,
      design: { name, backgroundColor: background, textColor: text, ...(description ? { description } : {}) },
      ...(validity ? { couponValidityDays: Number(validity) } : {}),
    };
    const done = await action.run(
      (): Promise<{ __typename: string }> =>
        type === "STAMP"
          ? client
              .request(AddStampCardDocument, { input: { ...common, stampsRequired: Number(stampsRequired) } })
              .then((r) => r.createStampCard)
          : client
              .request(AddLoyaltyCardDocument, { input: { ...common, pointsPerCurrencyUnit: pointsPerUnit } })
              .then((r) => r.createLoyaltyCard),
    );
    if (done) {
      setName("");
      setDescription("");
      onCreated();
    }
  }

  return (
    <form className="panel card-form" onSubmit={submit} aria-label={t("cards.create")}>
      <h2>{t("cards.create")}</h2>
      <div className="split">
        <div>
          <Select label={t("cards.type")} value={type} onChange={(v) => setType(v as CardType)}>
            <option value="STAMP">{t("cardType.STAMP")}</option>
            <option value="LOYALTY">{t("cardType.LOYALTY")}</option>
          </Select>
          <Field label={t("cards.name")} required value={name} onChange={(e) => setName(e.target.value)} />
          <Field label={t("cards.description")} value={description} onChange={(e) => setDescription(e.target.value)} />
          {type === "STAMP" ? (
            <Field
              label={t("cards.stampsRequired")}
              type="number"
              min={1}
              max={100}
              required
              value={stampsRequired}
              onChange={(e) => setStampsRequired(e.target.value)}
            />
          ) : (
            <Field
              label={t("cards.pointsPerUnit")}
              inputMode="decimal"
              required
              value={pointsPerUnit}
              onChange={(e) => setPointsPerUnit(e.target.value)}
            />
          )}
          <Select label={t("cards.visibility")} value={visibility} onChange={(v) => setVisibility(v as CardVisibility)}>
            <option value="PUBLIC">{t("visibility.PUBLIC")}</option>
            <option value="QR_ONLY">{t("visibility.QR_ONLY")}</option>
          </Select>
          <Field
            label={t("cards.couponValidity")}
            type="number"
            min={1}
            max={3650}
            value={validity}
            onChange={(e) => setValidity(e.target.value)}
          />
          <Field
            label={t("cards.background")}
            type="color"
            value={background}
            onChange={(e) => setBackground(e.target.value)}
          />
          <Field label={t("cards.textColor")} type="color" value={text} onChange={(e) => setText(e.target.value)} />
          <fieldset aria-labelledby={clubsLegend}>
            <legend id={clubsLegend}>{t("cards.clubs")}</legend>
            {clubs.data?.clubs.nodes.length === 0 && <Empty>{t("cards.noClubs")}</Empty>}
            {clubs.data?.clubs.nodes.map((club) => (
              <label key={club.id} className="check">
                <input
                  type="checkbox"
                  checked={clubIds.includes(club.id)}
                  onChange={(e) =>
                    setClubIds((ids) => (e.target.checked ? [...ids, club.id] : ids.filter((id) => id !== club.id)))
                  }
                />
                {club.name}
              </label>
            ))}
          </fieldset>
        </div>
        <div>
          <p className="muted">{t("cards.preview")}</p>
          <CardFace name={name || t("cards.name")} description={description} background={background} text={text} />
        </div>
      </div>
      <button type="submit" className="primary" disabled={action.busy || clubIds.length === 0}>
        {t("cards.create")}
      </button>
      <FormFailure failure={action.failure} />
    </form>
  );
}
