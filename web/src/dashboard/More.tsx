// "And N more": a dashboard list gives at most its first items (the server caps each list); this
// says how many are left out and links to the page that lists them all.
import { Link } from 'react-router';
import { useWithAsOf } from '../asof/asOf';

interface Props {
  shown: number;
  total: number;
  /** The in-app page that lists them all; without it, `where` names it in words. */
  to?: string;
  where: string;
}

export function More({ shown, total, to, where }: Props) {
  const withAsOf = useWithAsOf();
  if (total <= shown) return null;
  const more = `and ${(total - shown).toLocaleString('en')} more`;
  return (
    <p className="more" data-testid="dashboard-more">
      {to ? <>{more} — <Link to={withAsOf(to)}>{where}</Link></> : <>{more} ({where})</>}
    </p>
  );
}
