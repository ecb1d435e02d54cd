// The members the caller may see (a business: those its cards have served).
import { MemberListDocument } from "../../generated.js";
import { useFormat, useI18n } from "../../i18n/index.js";
import { Empty, Loaded } from "../../ui/states.js";
import { useQuery } from "../../ui/use-query.js";

export function Members({ programId }: { programId: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const members = useQuery(MemberListDocument, { programId });
  return (
    <section>
      <h1>{t("members.title")}</h1>
      <Loaded query={members}>
        {(data) =>
          data.members.nodes.length === 0 ? (
            <Empty>{t("members.empty")}</Empty>
          ) : (
            <>
              <p className="muted">{t("members.count", { count: data.members.totalCount })}</p>
              <table>
                <caption className="visually-hidden">{t("members.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("members.externalId")}</th>
                    <th scope="col">{t("members.email")}</th>
                    <th scope="col">{t("members.since")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.members.nodes.map((member) => (
                    <tr key={member.id}>
                      <td>{member.externalId}</td>
                      <td>{member.email ?? "—"}</td>
                      <td>{format.date(member.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )
        }
      </Loaded>
    </section>
  );
}
