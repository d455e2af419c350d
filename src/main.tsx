/**
 * Start-up: the store, the URL, the simulation worker, the sweep workers, then React.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectComparison } from './state/connect-comparison';
import { connectSimulation } from './state/connect-simulation';
import { createAppStore } from './state/store';
import { connectUrl } from './state/url-sync';
import { afterFirstVerdict } from './ui/after-first-verdict';
import { App } from './ui/App';
import { StoreProvider } from './ui/store-context';
import { installTestApi } from './ui/test-api';
import { createBrowserWorker } from './worker/client';
import './ui/styles.css';

const store = createAppStore();
connectUrl(store, window);
const { client } = connectSimulation(store, createBrowserWorker);
connectComparison(store, createBrowserWorker);
afterFirstVerdict(store, () => {
  // The sweeps (race map, nearest flip, odds) load on their own, once the first verdict is on screen
  // (their workers would take both cores from it), and subscribe last, so their store updates reach
  // the other subscribers in order.
  void Promise.all([import('./state/connect-sweeps'), import('./worker/sweep-pool')]).then(([{ connectSweeps }, pool]) =>
    connectSweeps(store, { createWorker: pool.createBrowserSweepWorker, size: pool.poolSize(navigator.hardwareConcurrency) }),
  );
  // The schedule explorer's wiring likewise; its worker starts only when an exploration does.
  void Promise.all([import('./state/connect-explorer'), import('./worker/explore-client')]).then(([{ connectExplorer }, explorer]) =>
    connectExplorer(store, explorer.createBrowserExplorerWorker),
  );
});
installTestApi(store, () => client.crash());

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root');
createRoot(rootElement).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
