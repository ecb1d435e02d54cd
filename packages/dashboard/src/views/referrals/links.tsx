// Referral links: a manager sees every partner's and creates them for any partner; a partner user sees and
// creates only its own (the server scopes both).
import { type FormEvent, useState } from "react";
import { client } from "../../api.js";
import { AddLinkDocument, LinkListDocument, PartnerListDocument, ProjectListDocument } from "../../generated.js";
import { useFormat, useI18n } from "../../i18n/index.js";
import { CopyButton } from "../../ui/copy.js";
import { Field, FormFailure, Select } from "../../ui/field.js";
import { Empty, Loaded } from "../../ui/states.js";
import { useAction } from "../../ui/use-action.js";
import { useQuery } from "../../ui/use-query.js";

export function Links({ programId, partnerId }: { programId: string; partnerId?: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const links = useQuery(LinkListDocument, { programId, ...(partnerId ? { partnerId } : {}) });
  return (
    <section>
      <h1>{t("links.title")}</h1>
      <NewLink programId={programId} partnerId={partnerId} onCreated={links.reload} />
      <Loaded query={links}>
        {(data) =>
          data.referralLinks.nodes.length === 0 ? (
            <Empty>{t("links.empty")}</Empty>
          ) : (
            <table>
              <caption className="visually-hidden">{t("links.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("links.url")}</th>
                  {!partnerId && <th scope="col">{t("links.partner")}</th>}
                  <th scope="col">{t("links.project")}</th>
                  <th scope="col">{t("links.destination")}</th>
                  <th scope="col">{t("links.created")}</th>
                  <th scope="col">{t("partners.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {data.referralLinks.nodes.map((link) => (
                  <tr key={link.id}>
                    <td>
                      <code>{link.url}</code>
                    </td>
                    {!partnerId && <td>{link.partner?.name ?? "—"}</td>}
                    <td>{link.project.name}</td>
                    <td className="wrap">{link.destinationUrl}</td>
                    <td>{format.date(link.createdAt)}</td>
                    <td>
                      <CopyButton text={link.url} label={t("links.copy", { code: link.code })} />
                    </td>
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

function NewLink({
  programId,
  partnerId,
  onCreated,
}: {
  programId: string;
  partnerId: string | undefined;
  onCreated: () => void;
}) {
  const { t } = useI18n();
  const projects = useQuery(ProjectListDocument, { programId });
  // Managers choose the partner; a partner user's links are its own.
  const partners = useQuery(PartnerListDocument, { programId }, Boolean(partnerId));
  const [chosenPartner, setChosenPartner] = useState("");
  const [projectId, setProjectId] = useState("");
  const [destinationUrl, setDestinationUrl] = useState("");
  const [code, setCode] = useState("");
  const action = useAction();
  const owner = partnerId ?? chosenPartner;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const project = projectId || projects.data?.projects.nodes[0]?.id;
    const done = await action.run(() =>
      client
        .request(AddLinkDocument, {
          input: {
            partnerId: owner,
            destinationUrl,
            ...(project ? { projectId: project } : {}),
            ...(code ? { code } : {}),
          },
        })
        .then((r) => r.createReferralLink),
    );
    if (done) {
      setDestinationUrl("");
      setCode("");
      onCreated();
    }
  }

  return (
    <form className="inline-form" onSubmit={submit} aria-label={t("links.create")}>
      {!partnerId && (
        <Select label={t("links.partner")} value={chosenPartner} onChange={setChosenPartner}>
          <option value="">{t("links.choosePartner")}</option>
          {partners.data?.partners.nodes.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      )}
      <Select label={t("links.project")} value={projectId} onChange={setProjectId}>
        {projects.data?.projects.nodes.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </Select>
      <Field
        label={t("links.destination")}
        type="url"
        required
        placeholder="https://"
        value={destinationUrl}
        onChange={(e) => setDestinationUrl(e.target.value)}
      />
      <Field label={t("links.code")} value={code} onChange={(e) => setCode(e.target.value)} />
      <button type="submit" className="primary" disabled={action.busy || !owner}>
        {t("links.create")}
      </button>
      <FormFailure failure={action.failure} />
    </form>
  );
}
