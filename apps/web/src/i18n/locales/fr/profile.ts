import type { Shape } from '../../shape';
import type { profile as nl } from '../nl/profile';

export const profile: Shape<typeof nl> = {
  profile: {
    title: 'Profil',
    personal: 'Données personnelles',
    firstName: 'Prénom',
    lastName: 'Nom',
    email: 'Adresse e-mail (identifiant)',
    emailHelp: 'Demandez à un administrateur de modifier votre adresse e-mail.',
    language: 'Langue',
    roles: 'Vos rôles',
    password: {
      title: 'Modifier le mot de passe',
      current: 'Mot de passe actuel',
      new: 'Nouveau mot de passe',
      repeat: 'Répétez le nouveau mot de passe',
      submit: 'Modifier le mot de passe',
      done: 'Votre mot de passe a été modifié. Vos autres sessions ont été déconnectées.',
    },
  },
  twoFactor: {
    title: 'Connexion en deux étapes',
    intro:
      'Avec la connexion en deux étapes, il vous faut en plus de votre mot de passe un code de votre téléphone pour vous connecter.',
    on: 'La connexion en deux étapes est activée.',
    off: 'La connexion en deux étapes est désactivée.',
    setUp: 'Configurer la connexion en deux étapes',
    step1:
      '1. Scannez le code QR avec une application d’authentification, p. ex. Aegis, Google Authenticator, Microsoft Authenticator ou 1Password.',
    qrAlt: 'Code QR pour ajouter Climalog à votre application d’authentification',
    manual: 'Le scan ne fonctionne pas ? Saisissez cette clé manuellement :',
    secretLabel: 'Clé secrète',
    step2: '2. Confirmez avec votre mot de passe et le code à 6 chiffres que l’application affiche.',
    password: 'Mot de passe',
    code: 'Code de l’application',
    enable: 'Activer',
    enabled: 'La connexion en deux étapes est activée.',
    recoveryTitle: 'Vos codes de récupération',
    recoveryText:
      'Conservez ces codes en lieu sûr, séparément de votre téléphone. Chaque code fonctionne une fois si vous ne pouvez pas utiliser l’application. Ils ne sont affichés qu’une seule fois.',
    recoveryListLabel: 'Codes de récupération',
    copyAll: 'Copier tous les codes',
    download: 'Télécharger (.txt)',
    recoveryFileHeader: 'Climalog – codes de récupération pour {{email}}',
    recoveryFileNote: 'Chaque code fonctionne une seule fois.',
    savedCodes: 'J’ai conservé les codes',
    turnOff: 'Désactiver',
    turnOffTitle: 'Désactiver la connexion en deux étapes',
    turnOffText: 'Confirmez avec votre mot de passe et un code de votre application.',
    disabled: 'La connexion en deux étapes est désactivée.',
    requiredByAccount:
      'Votre entreprise exige la connexion en deux étapes : vous ne pouvez pas la désactiver.',
    newCodes: 'Créer de nouveaux codes de récupération',
    newCodesTitle: 'Nouveaux codes de récupération',
    newCodesText:
      'Confirmez avec votre mot de passe. Vos anciens codes de récupération ne fonctionneront plus.',
    generate: 'Créer les codes',
  },
};
