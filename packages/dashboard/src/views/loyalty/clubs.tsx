// The business's clubs (its shops) and who works in each: create a club, invite staff by email.
import { type FormEvent, useState } from "react";
import { client } from "../../api.js";
import {
  AddClubDocument,
  ClubListDocument,
  type ClubRole,
  type ClubRowFragment,
  InviteStaffDocument,
} from "../../generated.js";
import { useI18n } from "../../i18n/index.js";
import { Field, FormFailure, Select } from "../../ui/field.js";
import { Empty, Loaded } from "../../ui/states.js";
import { useAction } from "../../ui/use-action.js";
import { useQuery } from "../../ui/use-query.js";

export function Clubs({ partnerId }: { partnerId: string }) {
  const { t } = useI18n();
  const clubs = useQuery(ClubListDocument, { partnerId });
  const [name, setName] = useState("");
  const [address, setAddress] = useState("");
  const action = useAction();

  async function create(event: FormEvent) {
    event.preventDefault();
    const done = await action.run(() =>
      client
        .request(AddClubDocument, { input: { partner: { id: partnerId }, name, ...(address ? { address } : {}) } })
        .then((r) => r.createClub),
    );
    if (done) {
      setName("");
      setAddress("");
      clubs.reload();
    }
  }

  return (
    <section>
      <h1>{t("clubs.title")}</h1>
      <form className="inline-form" onSubmit={create} aria-label={t("clubs.create")}>
        <Field label={t("clubs.name")} required value={name} onChange={(e) => setName(e.target.value)} />
        <Field label={t("clubs.address")} value={address} onChange={(e) => setAddress(e.target.value)} />
        <button type="submit" className="primary" disabled={action.busy}>
          {t("clubs.create")}
        </button>
        <FormFailure failure={action.failure} />
      </form>
      <Loaded query={clubs}>
        {(data) =>
          data.clubs.nodes.length === 0 ? (
            <Empty>{t("clubs.empty")}</Empty>
          ) : (
            <ul className="cards">
              {data.clubs.nodes.map((club) => (
                <ClubItem key={club.id} club={club} onChanged={clubs.reload} />
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

function ClubItem({ club, onChanged }: { club: ClubRowFragment; onChanged: () => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<ClubRole>("STAFF");
  const action = useAction();

  async function invite(event: FormEvent) {
    event.preventDefault();
    const done = await action.run(() =>
      client.request(InviteStaffDocument, { input: { clubId: club.id, email, role } }).then((r) => r.addClubStaff),
    );
    if (done) {
      setEmail("");
      onChanged();
    }
  }

  return (
    <li className="panel">
      <h2>{club.name}</h2>
      {club.address && <p className="muted">{club.address}</p>}
      <h3>{t("clubs.staff")}</h3>
      {club.staff.nodes.length === 0 ? (
        <Empty>{t("clubs.noStaff")}</Empty>
      ) : (
        <ul>
          {club.staff.nodes.map((person) => (
            <li key={person.email}>
              {person.email} — {t(`clubRole.${person.role}`)}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={invite} aria-label={t("clubs.inviteTo", { name: club.name })}>
        <Field
          label={t("clubs.staffEmail")}
          type="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <Select label={t("clubs.role")} value={role} onChange={(v) => setRole(v as ClubRole)}>
          <option value="STAFF">{t("clubRole.STAFF")}</option>
          <option value="CLUB_MANAGER">{t("clubRole.CLUB_MANAGER")}</option>
        </Select>
        <button type="submit" disabled={action.busy}>
          {t("clubs.invite")}
        </button>
        <FormFailure failure={action.failure} />
      </form>
    </li>
  );
}
