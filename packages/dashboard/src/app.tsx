// The routes (under /partner): login, the role picker, and one area per role. Views load on demand, so the first
// page carries only the login and the frame.
import { lazy, Suspense } from "react";
import { Redirect, Route, Router, Switch } from "wouter";
import { I18nProvider } from "./i18n/index.js";
import { SessionProvider, useSession } from "./session.js";
import { Layout } from "./ui/layout.js";
import { Loading, NotFound } from "./ui/states.js";
import { Home } from "./views/home.js";
import { Login } from "./views/login.js";

const ManagerArea = lazy(() => import("./views/manager/area.js"));
const PartnerArea = lazy(() => import("./views/partner/area.js"));
const CounterArea = lazy(() => import("./views/counter/area.js"));
const MemberArea = lazy(() => import("./views/member/area.js"));

function Authenticated({ children }: { children: React.ReactNode }) {
  const { token } = useSession();
  return token ? children : <Redirect to="/login" replace />;
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Router base="/partner">
          <Suspense
            fallback={
              <Layout>
                <Loading />
              </Layout>
            }
          >
            <Switch>
              <Route path="/login">
                <Layout>
                  <Login />
                </Layout>
              </Route>
              <Route path="/">
                <Authenticated>
                  <Layout>
                    <Home />
                  </Layout>
                </Authenticated>
              </Route>
              <Route path="/programs/:programId/:section">
                {(params) => (
                  <Authenticated>
                    <ManagerArea programId={params.programId} section={params.section} />
                  </Authenticated>
                )}
              </Route>
              <Route path="/partners/:partnerId/:section/:item?">
                {(params) => (
                  <Authenticated>
                    <PartnerArea partnerId={params.partnerId} section={params.section} item={params.item} />
                  </Authenticated>
                )}
              </Route>
              <Route path="/counter/:programId">
                {(params) => (
                  <Authenticated>
                    <CounterArea programId={params.programId} />
                  </Authenticated>
                )}
              </Route>
              <Route path="/members/:memberId">
                {(params) => (
                  <Authenticated>
                    <MemberArea memberId={params.memberId} />
                  </Authenticated>
                )}
              </Route>
              <Route>
                <Layout>
                  <NotFound />
                </Layout>
              </Route>
            </Switch>
          </Suspense>
        </Router>
      </SessionProvider>
    </I18nProvider>
  );
}
