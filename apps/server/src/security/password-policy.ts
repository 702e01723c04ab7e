import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as de from '@zxcvbn-ts/language-de';
import * as en from '@zxcvbn-ts/language-en';
import * as fr from '@zxcvbn-ts/language-fr';
import * as nlBe from '@zxcvbn-ts/language-nl-be';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;
const PRODUCT_NAME = 'climalog';
// zxcvbn score 0–4; below 2 means guessable within about a million tries (common passwords,
// dictionary words with obvious substitutions, keyboard walks).
const MIN_SCORE = 2;

zxcvbnOptions.setOptions({
  graphs: common.adjacencyGraphs,
  translations: en.translations,
  // The common-password list plus names and words of the four languages our users write in.
  dictionary: {
    ...common.dictionary,
    ...en.dictionary,
    ...nlBe.dictionary,
    ...fr.dictionary,
    ...de.dictionary,
  },
});

export type PasswordProblem =
  'too_short' | 'too_long' | 'digits_only' | 'too_close_to_personal_data' | 'too_common';

export type PersonalData = {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  username?: string | null;
  companyName?: string | null;
};

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
  too_long: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  digits_only: 'A password of digits only is too easy to guess.',
  too_close_to_personal_data: 'The password is too close to your name, email address or the product name.',
  too_common: 'This password is too common or too easy to guess. A few unrelated words make a strong one.',
};

const lettersOnly = (value: string) =>
  value
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}]/gu, '');

function personalWords(data: PersonalData): string[] {
  const emailLocal = data.email?.split('@')[0] ?? '';
  const emailDomain = data.email?.split('@')[1]?.split('.')[0] ?? '';
  return [
    data.firstName,
    data.lastName,
    emailLocal,
    emailDomain,
    data.username,
    data.companyName,
    PRODUCT_NAME,
  ]
    .flatMap((value) => (value ?? '').split(/[\s._@+-]+/))
    .map(lettersOnly)
    .filter((word) => word.length >= 3);
}

/**
 * The password rules of our policy: 8–200 characters, any characters allowed (no composition
 * rules), not digits only, not built around the user's own name/email or the product name, and
 * not a common or easily guessed password (zxcvbn with its dictionaries). Checked exactly as typed.
 */
export function checkPassword(password: string, data: PersonalData = {}): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  if (/^\d+$/.test(password)) return 'digits_only';

  const letters = lettersOnly(password);
  const words = personalWords(data);
  // "Close" means a personal word makes up most of the password's letters (e.g. "Jansens2024!").
  if (words.some((word) => letters.includes(word) && word.length * 2 >= letters.length)) {
    return 'too_close_to_personal_data';
  }
  // zxcvbn is quadratic in length; past 100 characters any password is long enough.
  const result = zxcvbn(password.slice(0, 100), words);
  if (result.score < MIN_SCORE) return 'too_common';
  return null;
}
