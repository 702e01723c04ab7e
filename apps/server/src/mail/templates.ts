import type { Language } from '../context.js';

export type EmailContent = { subject: string; text: string; html: string };

type Copy = { subject: string; greeting: string; body: string[]; action: string; footer: string };

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Fills {placeholders}; values are user data and are escaped for the HTML part by the caller. */
const fill = (template: string, vars: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => vars[key] ?? '');

function render(copy: Copy, vars: Record<string, string>, link: string): EmailContent {
  const textVars = vars;
  const htmlVars = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, escapeHtml(v)]));
  const text = [
    fill(copy.greeting, textVars),
    '',
    ...copy.body.map((line) => fill(line, textVars)),
    '',
    `${fill(copy.action, textVars)}: ${link}`,
    '',
    fill(copy.footer, textVars),
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1a1b1e;line-height:1.5">
<p>${fill(copy.greeting, htmlVars)}</p>
${copy.body.map((line) => `<p>${fill(line, htmlVars)}</p>`).join('\n')}
<p><a href="${escapeHtml(link)}" style="display:inline-block;background:#0b7285;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${fill(copy.action, htmlVars)}</a></p>
<p style="font-size:13px;color:#555">${escapeHtml(link)}</p>
<p style="font-size:13px;color:#555">${fill(copy.footer, htmlVars)}</p>
</body></html>`;
  return { subject: fill(copy.subject, textVars).replace(/[\r\n]+/g, ' '), text, html };
}

const invitation: Record<Language, Copy> = {
  nl: {
    subject: 'Uitnodiging voor {accountName} op Climalog',
    greeting: 'Beste {firstName},',
    body: [
      '{inviterName} nodigt je uit om Climalog te gebruiken voor {accountName}.',
      'Kies een wachtwoord via de knop hieronder. De link is {days} dagen geldig en werkt één keer.',
    ],
    action: 'Uitnodiging aanvaarden',
    footer: 'Verwachtte je deze uitnodiging niet? Dan mag je deze e-mail negeren.',
  },
  fr: {
    subject: 'Invitation à rejoindre {accountName} sur Climalog',
    greeting: 'Bonjour {firstName},',
    body: [
      '{inviterName} vous invite à utiliser Climalog pour {accountName}.',
      'Choisissez un mot de passe via le bouton ci-dessous. Le lien est valable {days} jours et ne fonctionne qu’une fois.',
    ],
    action: 'Accepter l’invitation',
    footer: 'Vous n’attendiez pas cette invitation ? Vous pouvez ignorer cet e-mail.',
  },
  en: {
    subject: 'Invitation to join {accountName} on Climalog',
    greeting: 'Dear {firstName},',
    body: [
      '{inviterName} invites you to use Climalog for {accountName}.',
      'Choose a password with the button below. The link is valid for {days} days and works once.',
    ],
    action: 'Accept the invitation',
    footer: 'Not expecting this invitation? You can ignore this email.',
  },
  de: {
    subject: 'Einladung zu {accountName} bei Climalog',
    greeting: 'Hallo {firstName},',
    body: [
      '{inviterName} lädt Sie ein, Climalog für {accountName} zu nutzen.',
      'Wählen Sie über die Schaltfläche unten ein Passwort. Der Link ist {days} Tage gültig und funktioniert einmal.',
    ],
    action: 'Einladung annehmen',
    footer: 'Haben Sie diese Einladung nicht erwartet? Dann können Sie diese E-Mail ignorieren.',
  },
};

const passwordReset: Record<Language, Copy> = {
  nl: {
    subject: 'Je wachtwoord voor Climalog opnieuw instellen',
    greeting: 'Beste {firstName},',
    body: [
      'Iemand vroeg om het wachtwoord van je Climalog-account opnieuw in te stellen.',
      'De link hieronder is {minutes} minuten geldig en werkt één keer.',
    ],
    action: 'Nieuw wachtwoord kiezen',
    footer: 'Vroeg je dit niet aan? Negeer dan deze e-mail: je wachtwoord blijft ongewijzigd.',
  },
  fr: {
    subject: 'Réinitialiser votre mot de passe Climalog',
    greeting: 'Bonjour {firstName},',
    body: [
      'Quelqu’un a demandé à réinitialiser le mot de passe de votre compte Climalog.',
      'Le lien ci-dessous est valable {minutes} minutes et ne fonctionne qu’une fois.',
    ],
    action: 'Choisir un nouveau mot de passe',
    footer: 'Vous n’avez rien demandé ? Ignorez cet e-mail : votre mot de passe reste inchangé.',
  },
  en: {
    subject: 'Reset your Climalog password',
    greeting: 'Dear {firstName},',
    body: [
      'Someone asked to reset the password of your Climalog account.',
      'The link below is valid for {minutes} minutes and works once.',
    ],
    action: 'Choose a new password',
    footer: 'Did not ask for this? Ignore this email: your password stays as it is.',
  },
  de: {
    subject: 'Ihr Climalog-Passwort zurücksetzen',
    greeting: 'Hallo {firstName},',
    body: [
      'Jemand hat angefordert, das Passwort Ihres Climalog-Kontos zurückzusetzen.',
      'Der Link unten ist {minutes} Minuten gültig und funktioniert einmal.',
    ],
    action: 'Neues Passwort wählen',
    footer: 'Nicht von Ihnen angefordert? Ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.',
  },
};

export function invitationEmail(
  language: Language,
  vars: { firstName: string; inviterName: string; accountName: string; days: number },
  link: string,
): EmailContent {
  return render(invitation[language], { ...vars, days: String(vars.days) }, link);
}

export function passwordResetEmail(
  language: Language,
  vars: { firstName: string; minutes: number },
  link: string,
): EmailContent {
  return render(passwordReset[language], { ...vars, minutes: String(vars.minutes) }, link);
}
