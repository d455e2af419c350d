/**
 * Start-up: the store, the URL, the worker, then React.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectComparison } from './state/connect-comparison';
import { connectSimulation } from './state/connect-simulation';
import { createAppStore } from './state/store';
import { connectUrl } from './state/url-sync';
import { App } from './ui/App';
import { StoreProvider } from './ui/store-context';
import { installTestApi } from './ui/test-api';
import { createBrowserWorker } from './worker/client';
import './ui/styles.css';

const store = createAppStore();
connectUrl(store, window);
const { client } = connectSimulation(store, createBrowserWorker);
connectComparison(store, createBrowserWorker);
installTestApi(store, client);

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root');
createRoot(rootElement).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
