// The case dashboard: what must not be missed first (headlines), then the scorecard of
// conditions × leverage, the coalition view, the review's warnings, and links to everything.
import { useAlerts, useDashboard } from '../api/queries';
import { PageHeading } from '../app/Layout';
import { useCaseId } from '../app/caseContext';
import { useAsOf } from '../asof/asOf';
import { ProblemMessage, QueryState } from '../ui/states';
import { Headlines } from './Headlines';
import { Scorecard } from './Scorecard';
import { Coalition } from './Coalition';
import { ReviewPanel } from './ReviewPanel';
import { CaseContents } from './CaseContents';

export function Dashboard() {
  const caseId = useCaseId();
  const { asOf } = useAsOf();
  const dashboard = useDashboard(caseId, asOf);
  const alerts = useAlerts(caseId, asOf);
  return (
    <QueryState query={dashboard} what="the dashboard">
      {(d) => (
        <>
          <PageHeading title={d.case.title}>
            <p className="muted">
              Assessment as of <strong data-testid="dashboard-as-of">{d.as_of}</strong> · <span className="marking">{d.case.marking}</span>
              {dashboard.isFetching && <span role="status"> · updating…</span>}
            </p>
          </PageHeading>
          {dashboard.error != null && <ProblemMessage error={dashboard.error} action="Refreshing" />}
          <Headlines caseId={caseId} dashboard={d} alerts={alerts} />
          <Scorecard caseId={caseId} dashboard={d} />
          <Coalition caseId={caseId} dashboard={d} />
          <ReviewPanel caseId={caseId} warnings={d.review} total={d.totals.review} />
          <CaseContents caseId={caseId} asOf={asOf} />
        </>
      )}
    </QueryState>
  );
}
