import type { Shape } from '../../shape';
import type { customers as nl } from '../nl/customers';

export const customers: Shape<typeof nl> = {
  customers: {
    title: 'Kunden',
    add: 'Kunde hinzufügen',
    edit: 'Kunde bearbeiten',
    searchLabel: 'Nach Name suchen',
    searchPlaceholder: 'Name des Kunden',
    name: 'Name',
    internalName: 'Interner Name',
    internalNameHelp: 'Ein Alias, um den Kunden schnell zu finden',
    customerNumber: 'Kundennummer',
    customerNumberHelp: 'Aus Ihrer Buchhaltung oder Ihrem ERP; muss nicht eindeutig sein',
    vatNumber: 'MwSt.-Nummer',
    vatHelp: 'Mit Ländercode, z. B. BE0417497106',
    email: 'E-Mail-Adresse',
    phone: 'Telefon',
    mobile: 'Handy',
    website: 'Website',
    notes: 'Bemerkungen',
    details: 'Daten',
    language: 'Sprache der Dokumente',
    enterpriseNumber: 'Unternehmensnummer',
    enterpriseHelp: 'Optional, z. B. 0417.497.106',
    createdAt: 'Hinzugefügt am',
    empty: 'Noch keine Kunden. Fügen Sie Ihren ersten Kunden hinzu.',
    noMatch: 'Keine Kunden für „{{q}}“ gefunden.',
    deleteTitle: 'Kunde löschen',
    deleteConfirm:
      'Möchten Sie {{name}} wirklich löschen? Das ist für Duplikate gedacht und kann nicht rückgängig gemacht werden.',
    created: 'Kunde {{name}} hinzugefügt.',
    updated: 'Kunde {{name}} aktualisiert.',
    deleted: 'Kunde {{name}} gelöscht.',
    merge: 'Duplikat zusammenführen',
    mergeTitle: 'Einen doppelten Kunden zusammenführen',
    mergeIntro:
      'Wählen Sie das Duplikat. Seine Standorte, Anlagen, Arbeitsaufträge und Etiketten gehen an {{name}}; danach wird das Duplikat entfernt.',
    duplicate: 'Doppelter Kunde',
    mergeWarning:
      '{{duplicate}} wird mit {{name}} zusammengeführt und danach gelöscht. Dies kann nicht rückgängig gemacht werden.',
    merged: 'Das Duplikat wurde mit {{name}} zusammengeführt.',
  },
  account: {
    title: 'Kontoeinstellungen',
    intro: 'Die Daten Ihrer Firma und die Regeln für alle Benutzer.',
    company: 'Firma',
    security: 'Sicherheit',
    name: 'Firmenname',
    enterpriseNumber: 'Unternehmensnummer',
    enterpriseHelp: 'Z. B. 0417.497.106. Leer lassen, wenn Ihre Firma keine hat.',
    requireTwoFactor: 'Zwei-Schritt-Anmeldung für alle verlangen',
    requireTwoFactorHelp:
      'Wer noch keine Zwei-Schritt-Anmeldung hat, muss sie bei der nächsten Anmeldung einrichten. Schalten Sie sie zuerst für sich selbst ein.',
    createdAt: 'Konto angelegt am {{date}}.',
  },
};
