import { version } from '../../package.json';

/** Sent as X-App-Version: administrators see it per device. */
export const APP_VERSION = `field-${version}`;
