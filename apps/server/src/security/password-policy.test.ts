import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy.js';

const person = {
  firstName: 'Annelies',
  lastName: 'Peeters',
  email: 'annelies.peeters@koeltechniek.be',
  companyName: 'Koeltechniek Peeters',
};

describe('password policy', () => {
  it('accepts long passphrases, Unicode and spaces, up to 200 characters', () => {
    expect(checkPassword('vriendelijk-kompas-fietst-42', person)).toBeNull();
    expect(checkPassword('été à Liège sous la pluie', person)).toBeNull();
    expect(
      checkPassword('Ventilatie-Buis-Koper-Zilver-Maan-Rivier-Trein-Wolk-Appel-Dak-9', person),
    ).toBeNull(); // 64 characters
    const long = Array.from({ length: 200 }, (_, i) => 'kQ7!mZp2#xR9vL$w'[(i * 7 + (i >> 3)) % 16]).join('');
    expect(checkPassword(long, person)).toBeNull(); // 200 characters
  });

  it('refuses fewer than 8 and more than 200 characters', () => {
    expect(checkPassword('Kq!9z7$', person)).toBe('too_short');
    expect(checkPassword('a'.repeat(201), person)).toBe('too_long');
  });

  it('counts characters, not UTF-16 code units', () => {
    expect(checkPassword('🔥🧊❄️🌡️', person)).toBe('too_short');
  });

  it('refuses digits only, however long', () => {
    expect(checkPassword('48213907', person)).toBe('digits_only');
    expect(checkPassword('1234567890123456', person)).toBe('digits_only');
  });

  it('refuses common passwords and easy patterns', () => {
    for (const common of [
      'password',
      'Password1',
      'qwertyuiop',
      'iloveyou',
      'wachtwoord',
      'azertyuiop',
      'motdepasse',
      'passwort1',
      'P@ssw0rd!',
    ]) {
      expect(checkPassword(common, person), common).toBe('too_common');
    }
  });

  it('refuses passwords built around the user’s own name, email or the product name', () => {
    expect(checkPassword('Annelies2024!', person)).toBe('too_close_to_personal_data');
    expect(checkPassword('peeters.peeters', person)).toBe('too_close_to_personal_data');
    expect(checkPassword('koeltechniek!!', person)).toBe('too_close_to_personal_data');
    expect(checkPassword('Climalog2026', person)).toBe('too_close_to_personal_data');
  });

  it('allows a personal word inside an otherwise strong password', () => {
    expect(checkPassword('annelies-drinkt-koude-thee-op-zolder', person)).toBeNull();
  });
});
