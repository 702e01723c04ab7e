import type { Shape } from '../../shape';
import type { profile as nl } from '../nl/profile';

export const profile: Shape<typeof nl> = {
  profile: {
    title: 'Profil',
    personal: 'Persönliche Daten',
    firstName: 'Vorname',
    lastName: 'Nachname',
    email: 'E-Mail-Adresse (Anmeldename)',
    emailHelp: 'Bitten Sie einen Administrator, Ihre E-Mail-Adresse zu ändern.',
    language: 'Sprache',
    roles: 'Ihre Rollen',
    password: {
      title: 'Passwort ändern',
      current: 'Aktuelles Passwort',
      new: 'Neues Passwort',
      repeat: 'Neues Passwort wiederholen',
      submit: 'Passwort ändern',
      done: 'Ihr Passwort wurde geändert. Ihre anderen Sitzungen wurden abgemeldet.',
    },
  },
  twoFactor: {
    title: 'Zwei-Schritt-Anmeldung',
    intro:
      'Mit der Zwei-Schritt-Anmeldung brauchen Sie zum Anmelden außer Ihrem Passwort auch einen Code von Ihrem Telefon.',
    on: 'Die Zwei-Schritt-Anmeldung ist eingeschaltet.',
    off: 'Die Zwei-Schritt-Anmeldung ist ausgeschaltet.',
    setUp: 'Zwei-Schritt-Anmeldung einrichten',
    step1:
      '1. Scannen Sie den QR-Code mit einer Authenticator-App, z. B. Aegis, Google Authenticator, Microsoft Authenticator oder 1Password.',
    qrAlt: 'QR-Code, um Climalog zu Ihrer Authenticator-App hinzuzufügen',
    manual: 'Scannen klappt nicht? Geben Sie diesen Schlüssel von Hand ein:',
    secretLabel: 'Geheimer Schlüssel',
    step2: '2. Bestätigen Sie mit Ihrem Passwort und dem 6-stelligen Code, den die App jetzt anzeigt.',
    password: 'Passwort',
    code: 'Code aus der App',
    enable: 'Einschalten',
    enabled: 'Die Zwei-Schritt-Anmeldung ist eingeschaltet.',
    recoveryTitle: 'Ihre Wiederherstellungscodes',
    recoveryText:
      'Bewahren Sie diese Codes an einem sicheren Ort auf, getrennt von Ihrem Telefon. Jeder Code funktioniert einmal, wenn Sie die App nicht verwenden können. Sie werden nur einmal angezeigt.',
    recoveryListLabel: 'Wiederherstellungscodes',
    copyAll: 'Alle Codes kopieren',
    download: 'Herunterladen (.txt)',
    recoveryFileHeader: 'Climalog – Wiederherstellungscodes für {{email}}',
    recoveryFileNote: 'Jeder Code funktioniert einmal.',
    savedCodes: 'Ich habe die Codes gespeichert',
    turnOff: 'Ausschalten',
    turnOffTitle: 'Zwei-Schritt-Anmeldung ausschalten',
    turnOffText: 'Bestätigen Sie mit Ihrem Passwort und einem Code aus Ihrer App.',
    disabled: 'Die Zwei-Schritt-Anmeldung ist ausgeschaltet.',
    requiredByAccount:
      'Ihre Firma verlangt die Zwei-Schritt-Anmeldung, daher können Sie sie nicht ausschalten.',
    newCodes: 'Neue Wiederherstellungscodes erstellen',
    newCodesTitle: 'Neue Wiederherstellungscodes',
    newCodesText:
      'Bestätigen Sie mit Ihrem Passwort. Ihre alten Wiederherstellungscodes funktionieren danach nicht mehr.',
    generate: 'Codes erstellen',
  },
};
