import type { CompositionPart, RefrigerantClass } from './types.js';

export type BlendDefinition = {
  id: string;
  class: RefrigerantClass;
  composition: readonly CompositionPart[];
};

const blend = (
  id: string,
  cls: RefrigerantClass,
  parts: ReadonlyArray<readonly [string, number]>,
): BlendDefinition => ({
  id,
  class: cls,
  composition: parts.map(([component, massPercent]) => ({ component, massPercent })),
});

/**
 * Nominal compositions (mass %) as regulations.md §1 lists them (U: check against the supplier's safety
 * data sheet). GWPs are never typed in here: they are computed from these parts.
 */
export const blendDefinitions: readonly BlendDefinition[] = [
  blend('R-404A', 'hfc_blend', [
    ['R-125', 44],
    ['R-143a', 52],
    ['R-134a', 4],
  ]),
  blend('R-407A', 'hfc_blend', [
    ['R-32', 20],
    ['R-125', 40],
    ['R-134a', 40],
  ]),
  blend('R-407C', 'hfc_blend', [
    ['R-32', 23],
    ['R-125', 25],
    ['R-134a', 52],
  ]),
  blend('R-407F', 'hfc_blend', [
    ['R-32', 30],
    ['R-125', 30],
    ['R-134a', 40],
  ]),
  blend('R-410A', 'hfc_blend', [
    ['R-32', 50],
    ['R-125', 50],
  ]),
  blend('R-417A', 'hfc_hc_blend', [
    ['R-125', 46.6],
    ['R-134a', 50],
    ['R-600', 3.4],
  ]),
  blend('R-422D', 'hfc_hc_blend', [
    ['R-125', 65.1],
    ['R-134a', 31.5],
    ['R-600a', 3.4],
  ]),
  blend('R-427A', 'hfc_blend', [
    ['R-32', 15],
    ['R-125', 25],
    ['R-143a', 10],
    ['R-134a', 50],
  ]),
  blend('R-437A', 'hfc_hc_blend', [
    ['R-125', 19.5],
    ['R-134a', 78.5],
    ['R-600', 1.4],
    ['R-601', 0.6],
  ]),
  blend('R-438A', 'hfc_hc_blend', [
    ['R-32', 8.5],
    ['R-125', 45],
    ['R-134a', 44.2],
    ['R-600', 1.7],
    ['R-601a', 0.6],
  ]),
  blend('R-448A', 'hfc_hfo_blend', [
    ['R-32', 26],
    ['R-125', 26],
    ['R-134a', 21],
    ['R-1234yf', 20],
    ['R-1234ze(E)', 7],
  ]),
  blend('R-449A', 'hfc_hfo_blend', [
    ['R-32', 24.3],
    ['R-125', 24.7],
    ['R-1234yf', 25.3],
    ['R-134a', 25.7],
  ]),
  blend('R-450A', 'hfc_hfo_blend', [
    ['R-134a', 42],
    ['R-1234ze(E)', 58],
  ]),
  blend('R-452A', 'hfc_hfo_blend', [
    ['R-32', 11],
    ['R-125', 59],
    ['R-1234yf', 30],
  ]),
  blend('R-452B', 'hfc_hfo_blend', [
    ['R-32', 67],
    ['R-125', 7],
    ['R-1234yf', 26],
  ]),
  blend('R-454A', 'hfc_hfo_blend', [
    ['R-32', 35],
    ['R-1234yf', 65],
  ]),
  blend('R-454B', 'hfc_hfo_blend', [
    ['R-32', 68.9],
    ['R-1234yf', 31.1],
  ]),
  blend('R-454C', 'hfc_hfo_blend', [
    ['R-32', 21.5],
    ['R-1234yf', 78.5],
  ]),
  blend('R-455A', 'hfc_hfo_blend', [
    ['R-744', 3],
    ['R-32', 21.5],
    ['R-1234yf', 75.5],
  ]),
  blend('R-507A', 'hfc_blend', [
    ['R-125', 50],
    ['R-143a', 50],
  ]),
  blend('R-513A', 'hfc_hfo_blend', [
    ['R-134a', 44],
    ['R-1234yf', 56],
  ]),
];
