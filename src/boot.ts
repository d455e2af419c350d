/**
 * The page's first script, and a tiny one: it starts the simulation worker
 * before the app's bundle has loaded (see src/worker/early.ts), so the
 * worker's start-up overlaps the app's and the first verdict comes sooner.
 */
import { startSimWorkerEarly } from './worker/early';

startSimWorkerEarly();
