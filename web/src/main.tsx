import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { retryUnlessClientError } from './api/queries';
import { App } from './app/App';
import './styles.css';

const client = new QueryClient({
  defaultOptions: {
    // Refetching on focus would discard unsaved edits (ACH ratings) without being asked for.
    queries: { retry: retryUnlessClientError, refetchOnWindowFocus: false, staleTime: 10_000 },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
