// Two languages (English, Lithuanian), chosen from the browser and switchable; numbers, money and dates formatted
// for the language, dates in the time zone of the program being looked at.
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { en, type MessageKey } from "./en.js";
import { lt } from "./lt.js";

export const LOCALES = { en: "English", lt: "Lietuvių" } as const;
export type Locale = keyof typeof LOCALES;
const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en, lt };
const LOCALE_KEY = "partnergraph.locale";

function initialLocale(): Locale {
  try {
    const chosen = localStorage.getItem(LOCALE_KEY);
    if (chosen === "en" || chosen === "lt") return chosen;
  } catch {
    // storage disabled: ask the browser
  }
  for (const language of navigator.languages ?? [navigator.language]) {
    const base = language.toLowerCase().split("-")[0];
    if (base === "lt" || base === "en") return base;
  }
  return "en";
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    document.documentElement.lang = next;
    try {
      localStorage.setItem(LOCALE_KEY, next);
    } catch {
      // storage disabled: the choice lasts as long as the page
    }
  }, []);
  const value = useMemo<I18n>(() => {
    document.documentElement.lang = locale;
    const messages = MESSAGES[locale];
    return {
      locale,
      setLocale,
      t: (key, values) =>
        messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
          values && name in values ? String(values[name]) : whole,
        ),
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n outside I18nProvider");
  return i18n;
}

/** The time zone dates are shown in: the program's, set by the area being viewed. */
export const TimeZoneContext = createContext<string | undefined>(undefined);

export interface Money {
  amount: string;
  currency: string;
}

/** Formatters for the current language and time zone. */
export function useFormat() {
  const { locale } = useI18n();
  const timeZone = useContext(TimeZoneContext);
  return useMemo(() => {
    const tz = timeZone ? { timeZone } : {};
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", ...tz });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", ...tz });
    const number = new Intl.NumberFormat(locale);
    const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
    return {
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      date: (iso: string) => date.format(new Date(iso)),
      number: (n: number) => number.format(n),
      /** A rate given as a decimal string (0.25 → 25 %). */
      percent: (rate: string | null | undefined) => (rate == null ? "—" : percent.format(Number(rate))),
      money: (money: Money) =>
        new Intl.NumberFormat(locale, { style: "currency", currency: money.currency }).format(Number(money.amount)),
      moneyList: (list: readonly Money[]) =>
        list.length
          ? list
              .map((m) =>
                new Intl.NumberFormat(locale, { style: "currency", currency: m.currency }).format(Number(m.amount)),
              )
              .join(", ")
          : "—",
    };
  }, [locale, timeZone]);
}
