export { renderCertificate } from './certificate.js';
export { renderInstructionCard } from './instruction-card.js';
export { LABELS } from './labels.js';
export { renderLogbook } from './logbook.js';
export { renderWorkOrder } from './work-order.js';
export { formatDate, formatNumber } from './format.js';
export type * from './types.js';
