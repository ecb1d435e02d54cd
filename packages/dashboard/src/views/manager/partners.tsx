// The program's partners: search and status filter, create, edit, disable/enable, rotate the API key (shown
// once), delete with confirmation.
import { type FormEvent, useState } from "react";
import { client } from "../../api.js";
import {
  AddPartnerDocument,
  ChangePartnerStatusDocument,
  EditPartnerDocument,
  PartnerListDocument,
  type PartnerRowFragment,
  type PartnerStatus,
  RemovePartnerDocument,
  RotateKeyDocument,
} from "../../generated.js";
import { useFormat, useI18n } from "../../i18n/index.js";
import { Dialog } from "../../ui/dialog.js";
import { Field, FormFailure, Select } from "../../ui/field.js";
import { Empty, Loaded } from "../../ui/states.js";
import { useAction } from "../../ui/use-action.js";
import { useQuery } from "../../ui/use-query.js";
import { KeyDialog } from "./key-dialog.js";

type Editing = { kind: "create" } | { kind: "edit"; partner: PartnerRowFragment };

export function Partners({ programId }: { programId: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const [search, setSearch] = useState("");
  const [applied, setApplied] = useState("");
  const [status, setStatus] = useState<"" | PartnerStatus>("");
  const filter = { ...(applied ? { search: applied } : {}), ...(status ? { status } : {}) };
  const list = useQuery(PartnerListDocument, { programId, filter });
  const [editing, setEditing] = useState<Editing>();
  const [newKey, setNewKey] = useState<{ name: string; key: string }>();
  const [confirm, setConfirm] = useState<{ partner: PartnerRowFragment; kind: "rotate" | "delete" }>();
  const action = useAction();

  const partnerRef = (partner: PartnerRowFragment) => ({ partner: { id: partner.id } });

  async function toggle(partner: PartnerRowFragment) {
    const next = partner.status === "ENABLED" ? "DISABLED" : "ENABLED";
    const done = await action.run(() =>
      client
        .request(ChangePartnerStatusDocument, { input: { ...partnerRef(partner), status: next } })
        .then((r) => r.setPartnerStatus),
    );
    if (done) list.reload();
  }

  async function confirmed() {
    if (!confirm) return;
    const { partner, kind } = confirm;
    setConfirm(undefined);
    if (kind === "rotate") {
      const done = await action.run(() =>
        client.request(RotateKeyDocument, { input: partnerRef(partner) }).then((r) => r.rotatePartnerApiKey),
      );
      if (done?.__typename === "RotatePartnerApiKeyPayload") setNewKey({ name: partner.name, key: done.apiKey });
    } else {
      await action.run(() =>
        client.request(RemovePartnerDocument, { input: partnerRef(partner) }).then((r) => r.deletePartner),
      );
    }
    list.reload();
  }

  return (
    <section>
      <h1>{t("partners.title")}</h1>
      <div className="toolbar">
        <search>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              setApplied(search.trim());
            }}
          >
            <Field
              label={t("partners.search")}
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            <button type="submit">{t("action.search")}</button>
          </form>
        </search>
        <Select label={t("partners.status")} value={status} onChange={(v) => setStatus(v as "" | PartnerStatus)}>
          <option value="">{t("partners.anyStatus")}</option>
          <option value="ENABLED">{t("status.ENABLED")}</option>
          <option value="DISABLED">{t("status.DISABLED")}</option>
        </Select>
        <button type="button" className="primary" onClick={() => setEditing({ kind: "create" })}>
          {t("partners.create")}
        </button>
      </div>
      <FormFailure failure={action.failure} />
      <Loaded query={list}>
        {(data) =>
          data.partners.nodes.length === 0 ? (
            <Empty>{applied || status ? t("partners.noMatch") : t("partners.empty")}</Empty>
          ) : (
            <table>
              <caption className="visually-hidden">{t("partners.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("partners.name")}</th>
                  <th scope="col">{t("partners.externalId")}</th>
                  <th scope="col">{t("partners.status")}</th>
                  <th scope="col">{t("partners.key")}</th>
                  <th scope="col">{t("partners.created")}</th>
                  <th scope="col">{t("partners.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {data.partners.nodes.map((partner) => (
                  <tr key={partner.id}>
                    <td>{partner.name}</td>
                    <td>{partner.externalId ?? "—"}</td>
                    <td>{t(`status.${partner.status}`)}</td>
                    <td>{partner.apiKey ? <code>{partner.apiKey.prefix}…</code> : t("partners.noKey")}</td>
                    <td>{format.date(partner.createdAt)}</td>
                    <td className="actions">
                      <button type="button" onClick={() => setEditing({ kind: "edit", partner })}>
                        {t("action.edit")}
                        <span className="visually-hidden"> {partner.name}</span>
                      </button>
                      <button type="button" onClick={() => toggle(partner)} disabled={action.busy}>
                        {partner.status === "ENABLED" ? t("partners.disable") : t("partners.enable")}
                        <span className="visually-hidden"> {partner.name}</span>
                      </button>
                      <button type="button" onClick={() => setConfirm({ partner, kind: "rotate" })}>
                        {t("partners.rotate")}
                        <span className="visually-hidden"> {partner.name}</span>
                      </button>
                      <button type="button" className="danger" onClick={() => setConfirm({ partner, kind: "delete" })}>
                        {t("action.delete")}
                        <span className="visually-hidden"> {partner.name}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
      {list.data && <p className="muted">{t("partners.count", { count: list.data.partners.totalCount })}</p>}
      {editing && (
        <PartnerForm
          programId={programId}
          editing={editing}
          onClose={() => setEditing(undefined)}
          onSaved={(key) => {
            setEditing(undefined);
            if (key) setNewKey(key);
            list.reload();
          }}
        />
      )}
      {confirm && (
        <Dialog
          title={confirm.kind === "rotate" ? t("partners.rotateTitle") : t("partners.deleteTitle")}
          onClose={() => setConfirm(undefined)}
        >
          <p>
            {confirm.kind === "rotate"
              ? t("partners.rotateBody", { name: confirm.partner.name })
              : t("partners.deleteBody", { name: confirm.partner.name })}
          </p>
          <div className="buttons">
            <button type="button" className="danger" onClick={confirmed}>
              {confirm.kind === "rotate" ? t("partners.rotate") : t("action.delete")}
            </button>
            <button type="button" onClick={() => setConfirm(undefined)}>
              {t("action.cancel")}
            </button>
          </div>
        </Dialog>
      )}
      {newKey && <KeyDialog name={newKey.name} apiKey={newKey.key} onClose={() => setNewKey(undefined)} />}
    </section>
  );
}

function PartnerForm({
  programId,
  editing,
  onClose,
  onSaved,
}: {
  programId: string;
  editing: Editing;
  onClose: () => void;
  onSaved: (key?: { name: string; key: string }) => void;
}) {
  const { t } = useI18n();
  const existing = editing.kind === "edit" ? editing.partner : undefined;
  const [name, setName] = useState(existing?.name ?? "");
  const [externalId, setExternalId] = useState(existing?.externalId ?? "");
  const [description, setDescription] = useState(existing?.description ?? "");
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const fields = { name, externalId: externalId || null, description: description || null };
    if (existing) {
      const done = await action.run(() =>
        client
          .request(EditPartnerDocument, { input: { partner: { id: existing.id }, ...fields } })
          .then((r) => r.updatePartner),
      );
      if (done) onSaved();
    } else {
      const done = await action.run(() =>
        client.request(AddPartnerDocument, { input: { programId, ...fields } }).then((r) => r.createPartner),
      );
      if (done?.__typename === "CreatePartnerPayload") onSaved({ name: done.partner.name, key: done.apiKey });
    }
  }

  return (
    <Dialog title={existing ? t("partners.editTitle") : t("partners.create")} onClose={onClose}>
      <form onSubmit={submit}>
        <Field label={t("partners.name")} required value={name} onChange={(e) => setName(e.target.value)} />
        <Field label={t("partners.externalId")} value={externalId} onChange={(e) => setExternalId(e.target.value)} />
        <Field label={t("partners.description")} value={description} onChange={(e) => setDescription(e.target.value)} />
        <FormFailure failure={action.failure} />
        <div className="buttons">
          <button type="submit" className="primary" disabled={action.busy}>
            {t("action.save")}
          </button>
          <button type="button" onClick={onClose}>
            {t("action.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
