import type { Lang } from './types.js';
import { de } from './labels/de.js';
import { en } from './labels/en.js';
import { fr } from './labels/fr.js';
import type { Labels } from './labels/labels-type.js';
import { nl } from './labels/nl.js';

/** The documents' texts per language, one file each under labels/. */
export const LABELS: Record<Lang, Labels> = { nl, fr, en, de };
export type { Labels };
