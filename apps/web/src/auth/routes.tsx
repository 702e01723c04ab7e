import type { RouteObject } from 'react-router-dom';
import { AuthLayout } from './AuthLayout';
import { ForgotPasswordPage } from './ForgotPasswordPage';
import { InvitationPage } from './InvitationPage';
import { ResetPasswordPage } from './ResetPasswordPage';
import { SignInPage } from './SignInPage';
import { SignUpPage } from './SignUpPage';

/** The pages before sign-in. /invitation and /reset-password are the targets of emailed links. */
export const authRoutes: RouteObject[] = [
  {
    element: <AuthLayout />,
    children: [
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'sign-up', element: <SignUpPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'invitation', element: <InvitationPage /> },
    ],
  },
];
