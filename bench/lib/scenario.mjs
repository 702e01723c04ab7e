/**
 * The contract between the runner (bench/run.mjs) and a scenario (bench/scenarios/*.mjs).
 *
 * @typedef {import('./environment.mjs').Environment} Environment
 * @typedef {import('./report.mjs').ScenarioResult} ScenarioResult
 *
 * @typedef {object} ScenarioContext
 * @property {boolean} quick  a smoke run: small sizes, short durations
 * @property {import('./database.mjs').DatabaseTarget} database
 * @property {(options?: import('./environment.mjs').EnvironmentOptions) => Promise<Environment>} openEnvironment
 *   a fresh server and database; the runner closes it after the scenario, also when it fails
 * @property {string} scratchDir  for downloaded files; removed after the scenario
 * @property {(line: string) => void} log  progress, on stderr
 *
 * @typedef {object} Scenario
 * @property {string} name  as given to --scenario=
 * @property {string} description  one line, for --help
 * @property {(context: ScenarioContext) => Promise<ScenarioResult>} run
 */

/**
 * Declares a scenario (an identity function that gives it its type).
 * @param {Scenario} scenario
 * @returns {Scenario}
 */
export const defineScenario = (scenario) => scenario;
