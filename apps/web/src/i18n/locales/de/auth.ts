import type { Shape } from '../../shape';
import type { auth as nl } from '../nl/auth';

export const auth: Shape<typeof nl> = {
  auth: {
    email: 'E-Mail-Adresse',
    password: 'Passwort',
    passwordHelp: 'Mindestens 8 Zeichen. Einige zusammenhanglose Wörter ergeben ein starkes Passwort.',
    repeatPassword: 'Passwort wiederholen',
    backToSignIn: 'Zurück zur Anmeldung',
    signIn: {
      title: 'Anmelden',
      intro: 'Melden Sie sich mit Ihrer E-Mail-Adresse und Ihrem Passwort an.',
      submit: 'Anmelden',
      forgot: 'Passwort vergessen?',
      noAccount: 'Noch kein Konto für Ihre Firma?',
      signUpLink: 'Firmenkonto anlegen',
      sessionEnded: 'Ihre Sitzung wurde beendet. Bitte melden Sie sich erneut an.',
    },
    secondFactor: {
      title: 'Zwei-Schritt-Anmeldung',
      intro: 'Öffnen Sie Ihre Authenticator-App und geben Sie den 6-stelligen Code für Climalog ein.',
      code: 'Code aus der App',
      recoveryIntro:
        'Haben Sie Ihr Telefon nicht zur Hand? Verwenden Sie einen Ihrer Wiederherstellungscodes. Jeder Code funktioniert einmal.',
      recoveryCode: 'Wiederherstellungscode',
      submit: 'Bestätigen',
      useRecovery: 'Einen Wiederherstellungscode verwenden',
      useApp: 'Den Code aus der App verwenden',
      cancel: 'Abbrechen und abmelden',
    },
    enrol: {
      title: 'Zwei-Schritt-Anmeldung einrichten',
      intro: '{{account}} verlangt die Zwei-Schritt-Anmeldung. Richten Sie sie jetzt ein, um fortzufahren.',
      continue: 'Weiter zu Climalog',
    },
    signUp: {
      title: 'Firmenkonto anlegen',
      intro:
        'Legen Sie ein Konto für Ihre Firma an. Sie werden der erste Administrator und können danach Kollegen einladen.',
      company: 'Firma',
      companyName: 'Firmenname',
      enterpriseNumber: 'Unternehmensnummer',
      enterpriseHelp: 'Optional, z. B. 0417.497.106',
      you: 'Sie',
      firstName: 'Vorname',
      lastName: 'Nachname',
      language: 'Sprache',
      submit: 'Konto anlegen',
      haveAccount: 'Sie haben bereits ein Konto?',
      signInLink: 'Anmelden',
      closedTitle: 'Hier können Sie kein Konto anlegen',
      closedText:
        'Auf diesem Climalog-Server legen nur die Betreiber Konten an. Bitten Sie den Betreiber des Servers um ein Firmenkonto oder einen Kollegen um eine Einladung.',
    },
    forgot: {
      title: 'Passwort vergessen',
      intro:
        'Geben Sie Ihre E-Mail-Adresse ein. Gehört sie zu einem Konto, senden wir Ihnen einen Link, um ein neues Passwort zu wählen. Der Link ist eine Stunde gültig.',
      submit: 'Link senden',
      sent: 'Falls es ein Konto für {{email}} gibt, ist eine E-Mail unterwegs. Sehen Sie auch im Spam-Ordner nach.',
    },
    reset: {
      title: 'Neues Passwort wählen',
      intro: 'Wählen Sie ein neues Passwort für {{email}}. Danach werden Sie überall abgemeldet.',
      newPassword: 'Neues Passwort',
      submit: 'Passwort speichern',
      done: 'Ihr Passwort wurde geändert. Melden Sie sich jetzt mit Ihrem neuen Passwort an.',
      requestNew: 'Einen neuen Link anfordern',
    },
    invitation: {
      title: 'Einladung annehmen',
      intro: 'Willkommen, {{name}}! Sie wurden zu {{account}} auf Climalog eingeladen.',
      account: 'Firma',
      signInName: 'Ihr Anmeldename',
      validUntil: 'Diese Einladung ist gültig bis {{date}}.',
      choosePassword: 'Wählen Sie ein Passwort, um Ihr Konto zu aktivieren.',
      submit: 'Einladung annehmen',
      done: 'Ihr Konto ist bereit. Melden Sie sich mit Ihrer E-Mail-Adresse und Ihrem neuen Passwort an.',
      goSignIn: 'Zur Anmeldung',
    },
    links: {
      checking: 'Der Link wird geprüft…',
      missing:
        'Dieser Link ist unvollständig. Öffnen Sie den Link aus der E-Mail erneut oder kopieren Sie die vollständige Adresse.',
      invitation: {
        invalid: 'Dieser Einladungslink ist ungültig. Prüfen Sie, ob Sie den ganzen Link kopiert haben.',
        expired:
          'Diese Einladung ist abgelaufen. Bitten Sie die Person, die Sie eingeladen hat, um eine neue.',
        used: 'Diese Einladung wurde bereits verwendet. Sie können sich einfach anmelden.',
        replaced: 'Es wurde eine neuere Einladung gesendet. Verwenden Sie den Link aus der letzten E-Mail.',
      },
      reset: {
        invalid: 'Dieser Link ist ungültig. Prüfen Sie, ob Sie den ganzen Link kopiert haben.',
        expired: 'Dieser Link ist abgelaufen (er ist eine Stunde gültig). Fordern Sie einen neuen an.',
        used: 'Dieser Link wurde bereits verwendet. Fordern Sie einen neuen an, um Ihr Passwort erneut zu ändern.',
        replaced: 'Es wurde ein neuerer Link gesendet. Verwenden Sie den Link aus der letzten E-Mail.',
      },
    },
  },
};
