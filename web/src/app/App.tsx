// Routes of the single-page app. The server answers every non-API path with index.html, so
// any of these URLs (with ?as_of=) can be opened directly or shared.
import { Route, Routes, Outlet } from 'react-router';
import { SignIn } from '../session/SignIn';
import { RequireSession } from '../session/RequireSession';
import { CaseList } from '../cases/CaseList';
import { Dashboard } from '../dashboard/Dashboard';
import { ObjectPage } from '../objects/ObjectPage';
import { ObjectIndex } from '../objects/ObjectIndex';
import { Ledger } from '../evidence/Ledger';
import { EvidencePage } from '../evidence/EvidencePage';
import { IndicatorsPage } from '../indicators/IndicatorsPage';
import { AchPage, AchSets } from '../ach/AchPage';
import { ScreeningPage } from '../screening/ScreeningPage';
import { ReportsPage } from '../reports/ReportsPage';
import { ChangesPage } from '../changes/ChangesPage';
import { ListIndex } from '../objects/ListIndex';
import { ObjectsHub } from '../objects/ObjectsHub';
import { lazyPage } from './lazyPage';
import { adminRoutes, caseAdminRoutes } from '../admin/routes';
import { screeningCaseRoutes } from '../screening/routes';
import { Layout, PageHeading } from './Layout';

// Pages that read the case schema (forms, the object view) load on demand, in their own chunk.
const EditPage = lazyPage(() => import('../forms/EditPage').then((m) => m.EditPage));
const SettingsPage = lazyPage(() => import('../forms/SettingsPage').then((m) => m.SettingsPage));
const NewCase = lazyPage(() => import('../cases/NewCase').then((m) => m.NewCase));
const ObjectView = lazyPage(() => import('../objects/ObjectView').then((m) => m.ObjectView));

export function App() {
  return (
    <Routes>
      <Route path="/signin" element={<SignIn />} />
      <Route element={<RequireSession><Layout /></RequireSession>}>
        <Route index element={<CaseList />} />
        <Route path="new-case" element={<NewCase />} />
        <Route path="cases/:caseId" element={<Outlet />}>
          <Route index element={<Dashboard />} />
          <Route path="commitments" element={<ObjectIndex kind="commitments" />} />
          <Route path="conditions" element={<ObjectIndex kind="conditions" />} />
          <Route path="leverage" element={<ObjectIndex kind="leverage" />} />
          <Route path="claims" element={<ObjectIndex kind="claims" />} />
          <Route path="commitments/:objectId" element={<ObjectPage kind="commitments" />} />
          <Route path="conditions/:objectId" element={<ObjectPage kind="conditions" />} />
          <Route path="claims/:objectId" element={<ObjectPage kind="claims" />} />
          <Route path="leverage/:objectId" element={<ObjectPage kind="leverage" />} />
          <Route path="evidence" element={<Ledger />} />
          <Route path="evidence/:evidenceId" element={<EvidencePage />} />
          <Route path="indicators" element={<IndicatorsPage />} />
          <Route path="ach" element={<AchSets />} />
          <Route path="ach/:setId" element={<AchPage />} />
          <Route path="screening" element={<ScreeningPage />} />
          <Route path="reports" element={<ReportsPage />} />
          <Route path="changes" element={<ChangesPage />} />
          {caseAdminRoutes()}{screeningCaseRoutes()}
          <Route path="objects" element={<ObjectsHub />} />
          <Route path="objects/:list" element={<ListIndex />} />
          <Route path="objects/:list/new" element={<EditPage mode="new" />} />
          <Route path="objects/:list/:objectId" element={<ObjectView />} />
          <Route path="objects/:list/:objectId/edit" element={<EditPage mode="edit" />} />
          <Route path="settings" element={<SettingsPage />} />
        </Route>
        {adminRoutes()}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

function NotFound() {
  return (
    <>
      <PageHeading title="Page not found" />
      <p>There is no page at this address. Go back to the <a href="/">list of cases</a>.</p>
    </>
  );
}
