import exportMemory from './export-memory.mjs';
import forecastRecompute from './forecast-recompute.mjs';
import importXlsx from './import-xlsx.mjs';
import listGrowth from './list-growth.mjs';
import lists from './lists.mjs';
import pdfEventLoop from './pdf-event-loop.mjs';

/**
 * Every scenario, in the order `npm run bench` runs them. A new scenario is a module default-
 * exporting defineScenario({ name, description, run }) (see ../lib/scenario.mjs), listed here.
 * @type {import('../lib/scenario.mjs').Scenario[]}
 */
export const SCENARIOS = [pdfEventLoop, exportMemory, forecastRecompute, importXlsx, lists, listGrowth];
