// A page loaded on demand: its code comes in its own chunk the first time it is opened, with a
// loading state in words meanwhile.
import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from '../ui/states';

export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function LazyPage(props: P) {
    return <Suspense fallback={<Loading what="Loading the page" />}><Lazy {...props} /></Suspense>;
  };
}
