import type { Shape } from '../../shape';
import type { customers as nl } from '../nl/customers';

export const customers: Shape<typeof nl> = {
  customers: {
    title: 'Clients',
    add: 'Ajouter un client',
    edit: 'Modifier le client',
    searchLabel: 'Rechercher par nom',
    searchPlaceholder: 'Nom du client',
    name: 'Nom',
    language: 'Langue des documents',
    enterpriseNumber: 'Numéro d’entreprise',
    enterpriseHelp: 'Facultatif, p. ex. 0417.497.106',
    createdAt: 'Ajouté le',
    empty: 'Pas encore de clients. Ajoutez votre premier client.',
    noMatch: 'Aucun client trouvé pour « {{q}} ».',
    deleteTitle: 'Supprimer le client',
    deleteConfirm:
      'Voulez-vous vraiment supprimer {{name}} ? Cette action est prévue pour les doublons et est irréversible.',
    created: 'Client {{name}} ajouté.',
    updated: 'Client {{name}} mis à jour.',
    deleted: 'Client {{name}} supprimé.',
  },
  account: {
    title: 'Paramètres du compte',
    intro: 'Les données de votre entreprise et les règles pour tous les utilisateurs.',
    company: 'Entreprise',
    security: 'Sécurité',
    name: 'Nom de l’entreprise',
    enterpriseNumber: 'Numéro d’entreprise',
    enterpriseHelp: 'P. ex. 0417.497.106. Laissez vide si votre entreprise n’en a pas.',
    requireTwoFactor: 'Exiger la connexion en deux étapes pour tous',
    requireTwoFactorHelp:
      'Les utilisateurs qui ne l’ont pas encore devront la configurer à leur prochaine connexion. Activez-la d’abord pour vous-même.',
    createdAt: 'Compte créé le {{date}}.',
  },
};
