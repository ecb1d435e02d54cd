// The page frame: skip link, the app's name, the area's navigation, the language switch and logout.
import type { ReactNode } from "react";
import { Link, useLocation } from "wouter";
import { LOCALES, type Locale, useI18n } from "../i18n/index.js";
import { useSession } from "../session.js";

export interface NavItem {
  href: string;
  label: string;
}

export function Layout({ nav = [], title, children }: { nav?: NavItem[]; title?: string; children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const { token, signOut } = useSession();
  const [location, navigate] = useLocation();
  return (
    <>
      <a className="skip" href="#main">
        {t("layout.skip")}
      </a>
      <header>
        <Link href="/" className="brand">
          Partnergraph
        </Link>
        {title && <span className="area">{title}</span>}
        <div className="tools">
          <label>
            <span className="visually-hidden">{t("layout.language")}</span>
            <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
              {Object.entries(LOCALES).map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          {token && (
            <button
              type="button"
              onClick={async () => {
                await signOut();
                navigate("/login");
              }}
            >
              {t("layout.logout")}
            </button>
          )}
        </div>
      </header>
      {nav.length > 0 && (
        <nav aria-label={t("layout.sections")}>
          <ul>
            {nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={location === item.href ? "page" : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main id="main">{children}</main>
    </>
  );
}
