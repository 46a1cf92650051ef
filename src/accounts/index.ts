// Accounts for the server and the command line: users, roles, sessions and API tokens. Password
// and role rules are here; the rows are in src/store/accounts.ts, re-exported so callers need one import.
export { addUser, authenticate, resetPassword, disableUser, enableUser } from './users.js';
export { grantRole, revokeRole, roleOn, rolesOf, hasRole } from './case-roles.js';
export { atLeast, isRole, roles, type Role } from './roles.js';
export { evidenceFieldRoles, fieldsBeyondRole } from './field-rules.js';
export {
  AccountError, SESSION_HOURS, findUser, listUsers, listGrants, createSession, sessionUser, endSession,
  tokenScopes, createApiToken, listApiTokens, revokeApiToken, tokenUser,
  type User, type UserListing, type TokenScope, type ApiToken,
} from '../store/accounts.js';
