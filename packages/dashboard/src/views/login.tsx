// Logging in: an email, then the 6-digit code mailed to it.
import { RequestLoginCodeDocument, VerifyLoginCodeDocument } from "@partnergraph/sdk";
import { type FormEvent, useState } from "react";
import { useLocation } from "wouter";
import { client } from "../api.js";
import { useI18n } from "../i18n/index.js";
import { useSession } from "../session.js";
import { Field, FormFailure } from "../ui/field.js";
import { useAction } from "../ui/use-action.js";

export function Login() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [, navigate] = useLocation();
  const [email, setEmail] = useState("");
  const [code, setCode] = useState("");
  const [sent, setSent] = useState(false);
  const action = useAction();

  async function requestCode(event: FormEvent) {
    event.preventDefault();
    const done = await action.run(() =>
      client.request(RequestLoginCodeDocument, { input: { email } }).then((r) => r.requestLoginCode),
    );
    if (done) setSent(true);
  }

  async function verify(event: FormEvent) {
    event.preventDefault();
    const login = await action.run(() =>
      client.request(VerifyLoginCodeDocument, { input: { email, code: code.trim() } }).then((r) => r.verifyLoginCode),
    );
    if (login?.__typename === "LoginPayload") {
      signIn(login.token);
      navigate("/");
    }
  }

  return (
    <section className="narrow">
      <h1>{t("login.title")}</h1>
      {!sent ? (
        <form onSubmit={requestCode}>
          <Field
            label={t("login.email")}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <button type="submit" disabled={action.busy}>
            {t("login.sendCode")}
          </button>
        </form>
      ) : (
        <form onSubmit={verify}>
          <p>{t("login.codeSent", { email })}</p>
          <Field
            label={t("login.code")}
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <button type="submit" disabled={action.busy}>
            {t("login.verify")}
          </button>
          <button type="button" className="link" onClick={() => setSent(false)}>
            {t("login.otherEmail")}
          </button>
        </form>
      )}
      <FormFailure failure={action.failure} />
    </section>
  );
}
