// After logging in: the roles the person may act as (a program to manage, a business, a counter, their own
// cards). With a single one, it opens directly.
import { Link, Redirect } from "wouter";
import { AllProgramsDocument } from "../generated.js";
import { type Translate, useI18n } from "../i18n/index.js";
import { useSession, type Viewer } from "../session.js";
import { Empty, ErrorNote, Loaded, Loading } from "../ui/states.js";
import { useQuery } from "../ui/use-query.js";

interface Choice {
  href: string;
  label: string;
}

/** What the viewer can act as, each with the page it opens. */
export function choicesOf(viewer: Viewer, t: Translate): Choice[] {
  const choices: Choice[] = [];
  for (const role of viewer.roles) {
    if (role.role === "PROGRAM_MANAGER" && role.program)
      choices.push({
        href: `/programs/${role.program.id}/partners`,
        label: t("role.manager", { name: role.program.name }),
      });
    if (role.role === "PARTNER_USER" && role.partner)
      choices.push({
        href: `/partners/${role.partner.id}/links`,
        label: t("role.partner", { name: role.partner.name }),
      });
    if (role.role === "STAFF" && role.program)
      choices.push({ href: `/counter/${role.program.id}`, label: t("role.staff", { name: role.program.name }) });
  }
  for (const member of viewer.members)
    choices.push({ href: `/members/${member.id}`, label: t("role.member", { name: member.externalId }) });
  return choices;
}

export function Home() {
  const { t } = useI18n();
  const { viewer, viewerError } = useSession();
  const isAdmin = viewer?.roles.some((r) => r.role === "ADMIN") ?? false;
  const programs = useQuery(AllProgramsDocument, {}, !isAdmin);
  if (viewerError) return <ErrorNote error={viewerError} />;
  if (!viewer) return <Loading />;
  const choices = choicesOf(viewer, t);
  if (choices.length === 1 && !isAdmin && choices[0]) return <Redirect to={choices[0].href} replace />;
  return (
    <section className="narrow">
      <h1>{t("home.title")}</h1>
      {choices.length === 0 && !isAdmin && <Empty>{t("home.noRoles")}</Empty>}
      <ul className="choices">
        {choices.map((choice) => (
          <li key={choice.href}>
            <Link href={choice.href}>{choice.label}</Link>
          </li>
        ))}
      </ul>
      {isAdmin && (
        <Loaded query={programs}>
          {(data) => (
            <ul className="choices">
              {data.programs.nodes.map((program) => (
                <li key={program.id}>
                  <Link href={`/programs/${program.id}/partners`}>{t("role.manager", { name: program.name })}</Link>
                </li>
              ))}
            </ul>
          )}
        </Loaded>
      )}
    </section>
  );
}
