// Administration of people: instance admins add users, disable and enable them and reset their
// passwords; a case's owners (and admins) revoke roles on it. Granting is POST …/grants (cases.ts).
import { z } from 'zod';
import { addUser, disableUser, enableUser, listUsers, resetPassword, revokeRole } from '../../accounts/index.js';
import { admin, caseRole, requireCaller } from '../access.js';
import { HttpProblem, notFound } from '../problems.js';
import type { RoutePlugin } from '../plugin.js';

const Username = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'a user name');
const UserParams = z.object({ username: Username });
const UserListing = z.object({
  id: z.string(),
  username: z.string(),
  is_admin: z.boolean(),
  created_at: z.string(),
  disabled_at: z.string().nullable().describe('when an admin disabled the user; null while the user may sign in'),
}).meta({ id: 'UserListing' });
const NewPassword = z.string().min(1).max(1024).describe('at least 12 characters, not the user name, not a common password');

const actor = (request: Parameters<typeof requireCaller>[0]) => `user:${requireCaller(request).user.username}`;

export const userRoutes: RoutePlugin = async (app, { store }) => {
  const listed = async (username: string) => {
    const user = (await listUsers(store)).find((u) => u.username === username);
    if (!user) throw notFound(`user "${username}"`);
    return user;
  };

  app.get('/api/users', {
    config: { access: admin },
    schema: { summary: 'Every user, with whether each is disabled', tags: ['users'], response: { 200: z.object({ users: z.array(UserListing) }) } },
  }, async () => ({ users: await listUsers(store) }));

  app.post('/api/users', {
    config: { access: admin },
    schema: {
      summary: 'Add a user (the password policy of deeds user add applies)',
      tags: ['users'],
      body: z.object({ username: Username, password: NewPassword, admin: z.boolean().default(false) }),
      response: { 201: UserListing },
    },
  }, async (request, reply) => {
    if ((await listUsers(store)).some((u) => u.username === request.body.username)) throw new HttpProblem(409, 'Conflict', `user "${request.body.username}" already exists`);
    await addUser(store, request.body.username, request.body.password, { admin: request.body.admin, actor: actor(request) });
    return reply.code(201).send(await listed(request.body.username));
  });

  app.post('/api/users/:username/disable', {
    config: { access: admin },
    schema: {
      summary: 'Disable a user: sign-in is refused and the user\'s sessions and API tokens stop working at once',
      tags: ['users'],
      params: UserParams,
      response: { 200: UserListing },
    },
  }, async (request) => {
    const { username } = request.params;
    if (username === requireCaller(request).user.username) throw new HttpProblem(409, 'Conflict', 'you cannot disable yourself; ask another admin');
    await listed(username);
    await disableUser(store, username, actor(request));
    return listed(username);
  });

  app.post('/api/users/:username/enable', {
    config: { access: admin },
    schema: { summary: 'Let a disabled user sign in again (tokens revoked on disabling stay revoked)', tags: ['users'], params: UserParams, response: { 200: UserListing } },
  }, async (request) => {
    await listed(request.params.username);
    await enableUser(store, request.params.username, actor(request));
    return listed(request.params.username);
  });

  app.put('/api/users/:username/password', {
    config: { access: admin },
    schema: {
      summary: 'Set a new password for a user; the user\'s sessions end',
      tags: ['users'],
      params: UserParams,
      body: z.object({ password: NewPassword }),
      response: { 204: z.undefined().describe('no body') },
    },
  }, async (request, reply) => {
    await listed(request.params.username);
    await resetPassword(store, request.params.username, request.body.password, actor(request));
    return reply.code(204).send();
  });

  app.delete('/api/cases/:case/grants/:username', {
    config: { access: caseRole('owner') },
    schema: {
      summary: 'Revoke a user\'s role on the case',
      tags: ['cases'],
      params: z.object({ case: z.string().regex(/^[a-z0-9-]{1,100}$/, 'a case id'), username: Username }),
      response: { 204: z.undefined().describe('no body') },
    },
  }, async (request, reply) => {
    const { case: caseId, username } = request.params;
    // An owner who revoked their own role could lose the case; another owner or an admin may.
    if (username === requireCaller(request).user.username) throw new HttpProblem(409, 'Conflict', 'you cannot revoke your own role; ask another owner or an admin');
    if (!(await revokeRole(store, username, caseId, actor(request)))) throw notFound(`a role of "${username}" on "${caseId}"`);
    return reply.code(204).send();
  });
};
