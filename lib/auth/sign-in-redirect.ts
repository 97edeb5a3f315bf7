import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { REQUESTED_PATH_HEADER, signInPath } from './next-path';

/** Nobody is signed in: to the sign-in page, which comes back to the page asked for afterwards. */
export async function redirectToSignIn(): Promise<never> {
  redirect(signInPath((await headers()).get(REQUESTED_PATH_HEADER)));
}
