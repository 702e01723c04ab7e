import type { Shape } from '../../shape';
import type { auth as nl } from '../nl/auth';

export const auth: Shape<typeof nl> = {
  auth: {
    email: 'Email address',
    password: 'Password',
    passwordHelp: 'At least 8 characters. A few unrelated words make a strong password.',
    repeatPassword: 'Repeat the password',
    backToSignIn: 'Back to sign in',
    signIn: {
      title: 'Sign in',
      intro: 'Sign in with your email address and password.',
      submit: 'Sign in',
      forgot: 'Forgot your password?',
      noAccount: 'No account for your company yet?',
      signUpLink: 'Create a company account',
      sessionEnded: 'Your session has ended. Please sign in again.',
    },
    secondFactor: {
      title: 'Two-step sign-in',
      intro: 'Open your authenticator app and enter the 6-digit code for Climalog.',
      code: 'Code from the app',
      recoveryIntro: 'Don’t have your phone at hand? Use one of your recovery codes. Each code works once.',
      recoveryCode: 'Recovery code',
      submit: 'Confirm',
      useRecovery: 'Use a recovery code',
      useApp: 'Use the code from the app',
      cancel: 'Cancel and sign out',
    },
    enrol: {
      title: 'Set up two-step sign-in',
      intro: '{{account}} requires two-step sign-in. Set it up now to continue.',
      continue: 'Continue to Climalog',
    },
    signUp: {
      title: 'Create a company account',
      intro:
        'Create an account for your company. You become its first administrator and can then invite colleagues.',
      company: 'Company',
      companyName: 'Company name',
      enterpriseNumber: 'Enterprise number',
      enterpriseHelp: 'Optional, e.g. 0417.497.106',
      you: 'You',
      firstName: 'First name',
      lastName: 'Last name',
      language: 'Language',
      submit: 'Create account',
      haveAccount: 'Already have an account?',
      signInLink: 'Sign in',
      closedTitle: 'You cannot create an account here',
      closedText:
        'On this Climalog server only the operators create accounts. Ask the server operator for a company account, or ask a colleague to invite you.',
    },
    forgot: {
      title: 'Forgot your password',
      intro:
        'Enter your email address. If it belongs to an account, we send you a link to choose a new password. The link is valid for one hour.',
      submit: 'Send link',
      sent: 'If an account exists for {{email}}, an email is on its way. Also check your spam folder.',
    },
    reset: {
      title: 'Choose a new password',
      intro: 'Choose a new password for {{email}}. You will then be signed out everywhere.',
      newPassword: 'New password',
      submit: 'Save password',
      done: 'Your password has been changed. Sign in now with your new password.',
      requestNew: 'Request a new link',
    },
    invitation: {
      title: 'Accept invitation',
      intro: 'Welcome, {{name}}! You have been invited to {{account}} on Climalog.',
      account: 'Company',
      signInName: 'Your sign-in name',
      validUntil: 'This invitation is valid until {{date}}.',
      choosePassword: 'Choose a password to activate your account.',
      submit: 'Accept invitation',
      done: 'Your account is ready. Sign in with your email address and your new password.',
      goSignIn: 'Go to sign in',
    },
    links: {
      checking: 'Checking the link…',
      missing: 'This link is incomplete. Open the link from the email again, or copy the full address.',
      invitation: {
        invalid: 'This invitation link is not valid. Check that you copied the whole link.',
        expired: 'This invitation has expired. Ask the person who invited you to send a new one.',
        used: 'This invitation has already been used. You can simply sign in.',
        replaced: 'A newer invitation has been sent. Use the link in the latest email.',
      },
      reset: {
        invalid: 'This link is not valid. Check that you copied the whole link.',
        expired: 'This link has expired (it is valid for one hour). Request a new one.',
        used: 'This link has already been used. Request a new one if you want to change your password again.',
        replaced: 'A newer link has been sent. Use the link in the latest email.',
      },
    },
  },
};
