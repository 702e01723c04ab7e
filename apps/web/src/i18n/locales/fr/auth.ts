import type { Shape } from '../../shape';
import type { auth as nl } from '../nl/auth';

export const auth: Shape<typeof nl> = {
  auth: {
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    passwordHelp: 'Au moins 8 caractères. Quelques mots sans rapport entre eux font un mot de passe solide.',
    repeatPassword: 'Répétez le mot de passe',
    backToSignIn: 'Retour à la connexion',
    signIn: {
      title: 'Se connecter',
      intro: 'Connectez-vous avec votre adresse e-mail et votre mot de passe.',
      submit: 'Se connecter',
      forgot: 'Mot de passe oublié ?',
      noAccount: 'Pas encore de compte pour votre entreprise ?',
      signUpLink: 'Créer un compte d’entreprise',
      sessionEnded: 'Votre session a pris fin. Veuillez vous reconnecter.',
    },
    secondFactor: {
      title: 'Connexion en deux étapes',
      intro: 'Ouvrez votre application d’authentification et saisissez le code à 6 chiffres de Climalog.',
      code: 'Code de l’application',
      recoveryIntro:
        'Vous n’avez pas votre téléphone sous la main ? Utilisez un de vos codes de récupération. Chaque code ne fonctionne qu’une fois.',
      recoveryCode: 'Code de récupération',
      submit: 'Confirmer',
      useRecovery: 'Utiliser un code de récupération',
      useApp: 'Utiliser le code de l’application',
      cancel: 'Annuler et se déconnecter',
    },
    enrol: {
      title: 'Configurer la connexion en deux étapes',
      intro: '{{account}} exige la connexion en deux étapes. Configurez-la maintenant pour continuer.',
      continue: 'Continuer vers Climalog',
    },
    signUp: {
      title: 'Créer un compte d’entreprise',
      intro:
        'Créez un compte pour votre entreprise. Vous en devenez le premier administrateur et pouvez ensuite inviter vos collègues.',
      company: 'Entreprise',
      companyName: 'Nom de l’entreprise',
      enterpriseNumber: 'Numéro d’entreprise',
      enterpriseHelp: 'Facultatif, p. ex. 0417.497.106',
      you: 'Vous',
      firstName: 'Prénom',
      lastName: 'Nom',
      language: 'Langue',
      submit: 'Créer le compte',
      haveAccount: 'Vous avez déjà un compte ?',
      signInLink: 'Se connecter',
      closedTitle: 'Impossible de créer un compte ici',
      closedText:
        'Sur ce serveur Climalog, seuls les administrateurs du serveur créent les comptes. Demandez-leur un compte d’entreprise, ou demandez à un collègue de vous inviter.',
    },
    forgot: {
      title: 'Mot de passe oublié',
      intro:
        'Saisissez votre adresse e-mail. Si elle correspond à un compte, nous vous envoyons un lien pour choisir un nouveau mot de passe. Le lien est valable une heure.',
      submit: 'Envoyer le lien',
      sent: 'Si un compte existe pour {{email}}, un e-mail est en route. Pensez à vérifier vos courriers indésirables.',
    },
    reset: {
      title: 'Choisir un nouveau mot de passe',
      intro: 'Choisissez un nouveau mot de passe pour {{email}}. Vous serez ensuite déconnecté partout.',
      newPassword: 'Nouveau mot de passe',
      submit: 'Enregistrer le mot de passe',
      done: 'Votre mot de passe a été modifié. Connectez-vous maintenant avec votre nouveau mot de passe.',
      requestNew: 'Demander un nouveau lien',
    },
    invitation: {
      title: 'Accepter l’invitation',
      intro: 'Bienvenue, {{name}} ! Vous êtes invité à rejoindre {{account}} sur Climalog.',
      account: 'Entreprise',
      signInName: 'Votre identifiant de connexion',
      validUntil: 'Cette invitation est valable jusqu’au {{date}}.',
      choosePassword: 'Choisissez un mot de passe pour activer votre compte.',
      submit: 'Accepter l’invitation',
      done: 'Votre compte est prêt. Connectez-vous avec votre adresse e-mail et votre nouveau mot de passe.',
      goSignIn: 'Aller à la connexion',
    },
    links: {
      checking: 'Vérification du lien…',
      missing: 'Ce lien est incomplet. Rouvrez le lien de l’e-mail ou copiez l’adresse complète.',
      invitation: {
        invalid: 'Ce lien d’invitation n’est pas valide. Vérifiez que vous avez copié le lien en entier.',
        expired:
          'Cette invitation a expiré. Demandez à la personne qui vous a invité d’en envoyer une nouvelle.',
        used: 'Cette invitation a déjà été utilisée. Vous pouvez simplement vous connecter.',
        replaced: 'Une invitation plus récente a été envoyée. Utilisez le lien du dernier e-mail.',
      },
      reset: {
        invalid: 'Ce lien n’est pas valide. Vérifiez que vous avez copié le lien en entier.',
        expired: 'Ce lien a expiré (il est valable une heure). Demandez-en un nouveau.',
        used: 'Ce lien a déjà été utilisé. Demandez-en un nouveau pour modifier à nouveau votre mot de passe.',
        replaced: 'Un lien plus récent a été envoyé. Utilisez le lien du dernier e-mail.',
      },
    },
  },
};
