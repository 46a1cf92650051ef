// The case being viewed and the caller's role on it, for pages that show write controls only
// where the role allows (the server refuses anyway; hiding avoids offering what would fail).
import { useParams } from 'react-router';
import { useCase } from '../api/queries';
import { atLeast, type Role } from '../api/types';

export function useCaseId(): string {
  const { caseId } = useParams();
  return caseId ?? '';
}

export function useCan(needed: Role): boolean {
  const caseId = useCaseId();
  const c = useCase(caseId);
  return atLeast(c.data?.role, needed);
}
