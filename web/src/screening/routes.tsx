// The screening pages inside a case, for the app's route table.
import { Route } from 'react-router';
import { ReviewPage } from './ReviewPage';

export function screeningCaseRoutes() {
  return <Route path="screening/review" element={<ReviewPage />} />;
}
