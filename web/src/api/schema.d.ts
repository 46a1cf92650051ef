// GENERATED from GET /api/openapi.json by scripts/gen-api-types.ts: do not edit by hand.
// After changing a route's schemas (src/server/routes, src/server/schemas), regenerate with:
//   npm run gen:api
// test/server/openapi-types.test.ts fails while this file is stale.

export interface paths {
    "/api/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in; sets an HttpOnly SameSite session cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SessionResponse"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description too many attempts: wait a minute */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Sign out; the session cookie stops working */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description no body */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user, the admin flag and the role on each case */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your API tokens (never their secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tokens: components["schemas"]["ApiToken"][];
                        };
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create an API token for scripts (scope read: GET only; write: what your roles allow); the secret is shown once. Needs a session, not a token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /**
                         * @default write
                         * @enum {string}
                         */
                        scope?: "read" | "write";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NewApiToken"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description no body */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cases you have a role on */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cases: components["schemas"]["CaseSummary"][];
                        };
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Load a case file (case-file shape as JSON): inserts or updates by id; admins (or every signed-in user, who becomes its owner, when the server allows it), or owners of an existing case */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoadSummary"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoadSummary"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description it exists already, or conflicts with what is stored */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the database was busy or a needed program is missing: try again (Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case with all its objects (newest version of each evidence item) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseView"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case as YAML files that load back to the same case */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            case: string;
                            /** @description file name → YAML text */
                            files: {
                                [key: string]: string;
                            };
                        };
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case block and the assessment settings, with their ETag for If-Match */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseSettings"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Change the case block (title, marking, …) and the assessment settings; accepts If-Match */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the ETag you read: the write happens only if the object is still that version (412 otherwise) */
                    "if-match"?: string;
                };
                path: {
                    case: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        case?: {
                            [key: string]: unknown;
                        };
                        assessment?: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseSettings"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description it exists already, or conflicts with what is stored */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match does not match the current ETag: someone changed it since you read it */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["SettingsConflict"];
                    };
                };
                /** @description the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the database was busy or a needed program is missing: try again (Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case}/objects/{list}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The objects of one list (actors, commitments, …): filtered by words, sorted, paginated */
        get: {
            parameters: {
                query?: {
                    /** @description words that must all appear in the object */
                    q?: string;
                    /** @description file: the order of the case file */
                    sort?: "file" | "id";
                    order?: "asc" | "desc";
                    page?: number;
                    per_page?: number;
                };
                header?: never;
                path: {
                    case: string;
                    list: "actors" | "relationships" | "sources" | "commitments" | "conditions" | "leverage" | "positions" | "claims" | "hypotheses" | "indicators" | "tripwires";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ObjectPage"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create an object (case-file shape); links are checked like in a case file */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case: string;
                    list: "actors" | "relationships" | "sources" | "commitments" | "conditions" | "leverage" | "positions" | "claims" | "hypotheses" | "indicators" | "tripwires";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseObject"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description it exists already, or conflicts with what is stored */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the database was busy or a needed program is missing: try again (Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case}/objects/{list}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One object */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case: string;
                    list: "actors" | "relationships" | "sources" | "commitments" | "conditions" | "leverage" | "positions" | "claims" | "hypotheses" | "indicators" | "tripwires";
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseObject"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Replace an object (its id stays); accepts If-Match */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the ETag you read: the write happens only if the object is still that version (412 otherwise) */
                    "if-match"?: string;
                };
                path: {
                    case: string;
                    list: "actors" | "relationships" | "sources" | "commitments" | "conditions" | "leverage" | "positions" | "claims" | "hypotheses" | "indicators" | "tripwires";
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseObject"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description it exists already, or conflicts with what is stored */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match does not match the current ETag: someone changed it since you read it */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ObjectConflict"];
                    };
                };
                /** @description the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the database was busy or a needed program is missing: try again (Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case}/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who has which role on the case */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            grants: {
                                username: string;
                                role: string;
                                granted_by: string;
                                granted_at: string;
                            }[];
                        };
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Give a user a role on the case */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        /** @enum {string} */
                        role: "viewer" | "analyst" | "reviewer" | "owner";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            username: string;
                            /** @enum {string} */
                            role: "viewer" | "analyst" | "reviewer" | "owner";
                        };
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description it exists already, or conflicts with what is stored */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the database was busy or a needed program is missing: try again (Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The evidence ledger: paginated, filterable, sortable */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    per_page?: number;
                    /** @description only items that bear on this object id */
                    target?: string;
                    source?: string;
                    /** @description e.g. B or B2 */
                    grade?: string;
                    /** @description observed on or after */
                    from?: string;
                    /** @description observed on or before */
                    to?: string;
                    /** @description words in the summary */
                    q?: string;
                    include_retracted?: "true" | "false";
                    sort?: "recorded" | "observed" | "id" | "grade";
                    order?: "asc" | "desc";
                };
                header?: never;
                path: {
                    case: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LedgerPage"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add an evidence item (case-file shape); `supersedes` or `retracted` in it need the reviewer role */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Evidence"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description it exists already, or conflicts with what is stored */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the database was busy or a needed program is missing: try again (Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case}/evidence/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One evidence item, newest version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Evidence"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case}/evidence/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every stored version of an item, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            versions: components["schemas"]["EvidenceVersion"][];
                        };
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case}/evidence/{id}/supersede": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Correct an item: a new item (new id) that supersedes this one, which is kept; accepts If-Match (the old item's ETag) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the item's ETag as you read it: 412 if it changed since */
                    "if-match"?: string;
                };
                path: {
                    case: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Evidence"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description it exists already, or conflicts with what is stored */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match does not match the current ETag: someone changed it since you read it */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["EvidenceConflict"];
                    };
                };
                /** @description the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the database was busy or a needed program is missing: try again (Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case}/evidence/{id}/retract": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retract an item from a date on, with a reason; it stays in the ledger. `recorded` (when the retraction was made) defaults to today; accepts If-Match */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the item's ETag as you read it: 412 if it changed since */
                    "if-match"?: string;
                };
                path: {
                    case: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        date: string;
                        reason: string;
                        recorded?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Evidence"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description it exists already, or conflicts with what is stored */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match does not match the current ETag: someone changed it since you read it */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["EvidenceConflict"];
                    };
                };
                /** @description the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the database was busy or a needed program is missing: try again (Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Check the hash chain of the audit log (same JSON as deeds audit verify --json) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditVerify"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case}/assessment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Statuses at a date, as `deeds assess --json` */
        get: {
            parameters: {
                query?: {
                    as_of?: string;
                    known_at?: string;
                };
                header?: never;
                path: {
                    case: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Assessment"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case}/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What changed between two dates, as `deeds changes --json` */
        get: {
            parameters: {
                query: {
                    from: string;
                    to?: string;
                };
                header?: never;
                path: {
                    case: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Changes"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Analytic-integrity warnings at a date, as `deeds review --json` */
        get: {
            parameters: {
                query?: {
                    as_of?: string;
                    known_at?: string;
                };
                header?: never;
                path: {
                    case: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Review"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case}/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Headline findings, scorecard of conditions × leverage, each party's position per condition, and the review's warnings */
        get: {
            parameters: {
                query?: {
                    as_of?: string;
                };
                header?: never;
                path: {
                    case: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Dashboard"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case}/timeline/{object}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One object's status over time, as `deeds timeline --json` */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                    step?: "week" | "month";
                    known_at?: string;
                };
                header?: never;
                path: {
                    case: string;
                    object: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Timeline"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case}/ach/{set}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ACH matrix, scores, diagnosticity and sensitivity, as `deeds ach --json` */
        get: {
            parameters: {
                query?: {
                    as_of?: string;
                };
                header?: never;
                path: {
                    case: string;
                    set: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AchResult"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Import jobs of this server, newest first, and the kinds of file it imports */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            jobs: components["schemas"]["ImportJob"][];
                            /** @description what POST /api/imports/:kind accepts, as `deeds import` lists it */
                            kinds: {
                                kind: string;
                                description: string;
                            }[];
                        };
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One import job: status, progress, and the summary when done */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportJob"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a data file (the raw request body) and import it as a job; poll GET /api/imports/:id */
        post: {
            parameters: {
                query: {
                    /** @description the file name, which some readers use (e.g. sdn.csv, GEDEvent_v25_1.csv) */
                    name: string;
                };
                header?: never;
                path: {
                    kind: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportJob"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/screen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Screen names against the newest imported lists, as `deeds screen --json` */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        names: string[];
                        /** @default 0.7 */
                        threshold?: number;
                        lists?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ScreenResponse"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description it exists already, or conflicts with what is stored */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case}/screening": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case's last stored screening and the decisions in force */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StoredScreening"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Screen every person of the case; the run is stored and compared with the previous one */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 0.7 */
                        threshold?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseScreeningRun"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description it exists already, or conflicts with what is stored */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the database was busy or a needed program is missing: try again (Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case}/screening/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every decision on a match in this case, oldest first; the newest per person and reference is in force */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DecisionHistory"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Confirm a match, or mark it a false positive, with the reason; decisions are kept across list updates */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        person: string;
                        list: string;
                        ref: string;
                        /** @enum {string} */
                        decision: "confirmed" | "false_positive";
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ScreeningDecision"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the database was busy or a needed program is missing: try again (Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The briefing (html, pdf, md) or an export (stix, csv) of the case at a date, as `deeds report` */
        get: {
            parameters: {
                query: {
                    format: "html" | "pdf" | "md" | "stix" | "csv";
                    as_of?: string;
                    known_at?: string;
                    since?: string;
                };
                header?: never;
                path: {
                    case: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the briefing or export, as an attachment named in Content-Disposition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                        "application/pdf": string;
                        "text/markdown": string;
                        "application/stix+json": string;
                        "text/csv": string;
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the database was busy or a needed program is missing: try again (Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case}/indicators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every indicator series of the case, zero-filled, as `deeds indicators --json` */
        get: {
            parameters: {
                query?: {
                    as_of?: string;
                    from?: string;
                    to?: string;
                    /** @description also break each series down */
                    by?: "actor" | "violence_type" | "province";
                };
                header?: never;
                path: {
                    case: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IndicatorsResponse"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case}/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tripwires that fire at a date, as `deeds alerts --json` */
        get: {
            parameters: {
                query?: {
                    as_of?: string;
                };
                header?: never;
                path: {
                    case: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AlertsResponse"];
                    };
                };
                /** @description the request is not valid: `errors` names each field at fault */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not signed in, or the API token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description signed in, but this needs another role, a write token or the CSRF header */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such case or object, or no role on the case (the same answer, so ids cannot be probed) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a bug on the server; the error was logged and nothing of it is in the answer */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every user, with whether each is disabled */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            users: components["schemas"]["UserListing"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a user (the password policy of deeds user add applies) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        /** @description at least 12 characters, not the user name, not a common password */
                        password: string;
                        /** @default false */
                        admin?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserListing"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{username}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a user: sign-in is refused and the user's sessions and API tokens stop working at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    username: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserListing"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{username}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Let a disabled user sign in again (tokens revoked on disabling stay revoked) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    username: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserListing"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{username}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a new password for a user; the user's sessions end */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    username: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description at least 12 characters, not the user name, not a common password */
                        password: string;
                    };
                };
            };
            responses: {
                /** @description no body */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case}/grants/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a user's role on the case */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case: string;
                    username: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description no body */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit log entries, newest first; pass the next_before of one page as before to get the next */
        get: {
            parameters: {
                query?: {
                    /** @description only entries with a smaller seq */
                    before?: number;
                    limit?: number;
                    case?: string;
                    action?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            entries: components["schemas"]["AuditEntry"][];
                            next_before: number | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case}/screening/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The last stored screening run's matches with their listing details and decisions, by decision state, a page at a time */
        get: {
            parameters: {
                query?: {
                    state?: "undecided" | "confirmed" | "false_positive";
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path: {
                    case: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ScreeningReview"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The ACH matrix, scores, diagnosticity and sensitivity, as `deeds ach --json` */
        AchResult: {
            case: string;
            set: {
                id: string;
                question: string;
            };
            as_of: string | null;
            options: {
                id: string;
                text: string;
                inconsistency: number;
                rank: number;
            }[];
            least_contradicted: string[];
            reading: string;
            matrix: {
                evidence: string;
                grade: string;
                g: number;
                /** @description option id → rating; null where the cell is empty */
                ratings: {
                    [key: string]: ("CC" | "C" | "N" | "I" | "II" | "NA") | null;
                };
                diagnosticity: number;
                changes_ranking: boolean;
                least_contradicted_without: string[];
            }[];
            sensitive_to: string[];
            excluded: {
                evidence: string;
                reason: string;
            }[];
            settings: components["schemas"]["Settings"];
            settings_from_case: string[];
        };
        /** @description A state, group, organisation or person */
        Actor: {
            id: string;
            /** @enum {string} */
            kind: "state" | "government" | "armed_group" | "organization" | "international_org" | "person";
            name: string;
            aliases?: string[];
            country?: string;
            dataset_ids?: {
                [key: string]: (string | number)[];
            };
            birth_date?: string;
            nationality?: string[];
            sanctions_refs?: string[];
        } & {
            [key: string]: unknown;
        };
        /** @description A tripwire that fires, with the details of its kind */
        Alert: {
            tripwire: string;
            /** @enum {string} */
            kind: "rise_over_baseline" | "zscore" | "review_due" | "sanctioned_officeholder" | "new_sanctions_match";
            /** @description the firing periods; empty for date-based tripwires */
            periods: string[];
            first: string | null;
            advice: string | null;
        } & {
            [key: string]: unknown;
        };
        /** @description The tripwires that fire at a date, as `deeds alerts --json` */
        AlertsResponse: {
            case: string;
            as_of: string;
            alerts: components["schemas"]["Alert"][];
            /** @description tripwires that could not be evaluated, and why */
            skipped: {
                tripwire: string;
                reason: string;
            }[];
        };
        /** @description An API token (never its secret) */
        ApiToken: {
            id: string;
            name: string;
            /** @enum {string} */
            scope: "read" | "write";
            created_at: string;
            revoked_at: string | null;
        };
        /** @description Every status at a date, as `deeds assess --json` */
        Assessment: {
            case: string;
            as_of: string;
            /** @description present when a fixed knowledge date was asked for */
            known_at?: string;
            commitments: components["schemas"]["CommitmentResult"][];
            conditions: components["schemas"]["ConditionResult"][];
            leverage: components["schemas"]["LeverageResult"][];
            claims: components["schemas"]["ClaimResult"][];
            summary: components["schemas"]["AssessmentSummary"];
            settings: components["schemas"]["Settings"];
            /** @description settings the case's `assessment:` block changed, as section.key */
            settings_from_case: string[];
        };
        /** @description The case's `assessment:` block: its overrides of the assessment defaults */
        AssessmentSettings: {
            strength?: {
                strong?: number;
                moderate?: number;
                weak?: number;
            } & {
                [key: string]: unknown;
            };
            reliability?: {
                A?: number;
                B?: number;
                C?: number;
                D?: number;
                E?: number;
                F?: number;
            } & {
                [key: string]: unknown;
            };
            credibility?: {
                1?: number;
                2?: number;
                3?: number;
                4?: number;
                5?: number;
                6?: number;
            } & {
                [key: string]: unknown;
            };
            thresholds?: {
                broken?: number;
                kept?: number;
                kept_ratio?: number;
                high_mass?: number;
                high_sources?: number;
                moderate_mass?: number;
            } & {
                [key: string]: unknown;
            };
            review?: {
                stale_months?: number;
                backdated_days?: number;
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        AssessmentSummary: {
            commitments: {
                broken: number;
                blocked: number;
                kept: number;
                partly_kept: number;
                at_risk: number;
                unverified: number;
                not_yet_made: number;
            };
            conditions: {
                met: number;
                not_met: number;
                partly_met: number;
                unknown: number;
                not_yet_set: number;
            };
            leverage: {
                withhold: number;
                release: number;
                review: number;
            };
            claims_now: {
                supported: number;
                contradicted: number;
                disputed: number;
                unsupported: number;
                not_yet_made: number;
            };
            released_against_conditions: number;
            contradicted_when_made: number;
        };
        AuditEntry: {
            seq: number;
            at: string;
            actor: string;
            /** @description e.g. case.load, evidence.add, user.disable, role.revoke, sanctions.decide */
            action: string;
            case_id: string | null;
            object_ids: string[];
            hash: string;
            /** @description how many stored rows the entry covers */
            rows: number;
        };
        /** @description The audit chain checked: its head and the rows it covers, or the first entry that does not fit */
        AuditVerify: {
            /** @constant */
            ok: true;
            entries: number;
            head: string;
            rows: number;
            keyed_from: number | null;
        } | {
            /** @constant */
            ok: false;
            entries: number;
            first_bad: number | null;
            reason: string;
            bad_rows?: {
                table: string;
                key: string[];
                problem: string;
            }[];
        };
        /** @description The `case:` block of a case file */
        CaseHeader: {
            id: string;
            title: string;
            subject: string;
            period?: {
                start: string;
                end?: string | null;
            } & {
                [key: string]: unknown;
            };
            /** @enum {string} */
            marking: "TLP:CLEAR" | "TLP:GREEN" | "TLP:AMBER" | "TLP:AMBER+STRICT" | "TLP:RED";
            summary?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description One case object of the list named in the URL */
        CaseObject: components["schemas"]["Actor"] | components["schemas"]["Relationship"] | components["schemas"]["Source"] | components["schemas"]["Commitment"] | components["schemas"]["Condition"] | components["schemas"]["Leverage"] | components["schemas"]["Position"] | components["schemas"]["Claim"] | components["schemas"]["Hypothesis"] | components["schemas"]["Indicator"] | components["schemas"]["Tripwire"];
        /** @description A new screening of every person of the case, stored */
        CaseScreeningRun: {
            case: string;
            screened_at: string;
            versions: {
                [key: string]: string;
            };
            results: components["schemas"]["ScreenResult"][];
        };
        /** @description The `case:` block and the `assessment:` settings */
        CaseSettings: {
            case: components["schemas"]["CaseHeader"];
            assessment: components["schemas"]["AssessmentSettings"] | null;
        };
        /** @description A case you have a role on */
        CaseSummary: {
            id: string;
            title: string;
            subject: string;
            marking: string;
            updated_at: string;
            /** @enum {string} */
            role: "viewer" | "analyst" | "reviewer" | "owner";
        };
        /** @description A case with every object (newest version of each evidence item) and your role */
        CaseView: {
            case: components["schemas"]["CaseHeader"];
            assessment?: components["schemas"]["AssessmentSettings"];
            actors: components["schemas"]["Actor"][];
            relationships: components["schemas"]["Relationship"][];
            sources: components["schemas"]["Source"][];
            commitments: components["schemas"]["Commitment"][];
            conditions: components["schemas"]["Condition"][];
            leverage: components["schemas"]["Leverage"][];
            positions: components["schemas"]["Position"][];
            evidence: components["schemas"]["Evidence"][];
            claims: components["schemas"]["Claim"][];
            hypotheses: components["schemas"]["Hypothesis"][];
            indicators: components["schemas"]["Indicator"][];
            tripwires: components["schemas"]["Tripwire"][];
            /**
             * @description your role on the case
             * @enum {string}
             */
            role: "viewer" | "analyst" | "reviewer" | "owner";
        } & {
            [key: string]: unknown;
        };
        /** @description What changed between two dates, as `deeds changes --json` */
        Changes: {
            case: string;
            from: string;
            to: string;
            /** @description only objects whose status or confidence differs */
            objects: {
                id: string;
                /** @enum {string} */
                kind: "commitment" | "condition" | "leverage" | "claim";
                before: {
                    status: string;
                    confidence: string | null;
                };
                after: {
                    status: string;
                    confidence: string | null;
                };
            }[];
            evidence_added: string[];
            decisions: {
                leverage: string;
                date: string;
                action: string;
                recommendation: string;
                against_conditions: boolean;
            }[];
        };
        /** @description A public claim by an official about a commitment or condition */
        Claim: {
            id: string;
            by: string;
            made: string;
            source: string;
            text: string;
            asserts: {
                target: string;
                /** @enum {string} */
                status: "kept" | "broken" | "met" | "not_met";
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        ClaimResult: {
            id: string;
            /** @enum {string} */
            status: "made" | "not_yet_made";
            by: string;
            made: string;
            target: string;
            /** @enum {string} */
            asserted: "kept" | "broken" | "met" | "not_met";
            verdict_when_made: ("supported" | "contradicted" | "disputed" | "unsupported") | null;
            verdict_now: ("supported" | "contradicted" | "disputed" | "unsupported") | null;
            target_status_when_made: ("broken" | "blocked" | "kept" | "partly_kept" | "at_risk" | "unverified" | "not_yet_made" | "met" | "not_met" | "partly_met" | "unknown" | "not_yet_set") | null;
            target_status_now: ("broken" | "blocked" | "kept" | "partly_kept" | "at_risk" | "unverified" | "not_yet_made" | "met" | "not_met" | "partly_met" | "unknown" | "not_yet_set") | null;
            contradicted_when_made: boolean;
            known_when_made: components["schemas"]["EvidenceEntry"][];
            explanation: string;
        };
        /** @description What a party pledged */
        Commitment: {
            id: string;
            by: string;
            source: string;
            ref?: string;
            made: string;
            /** @enum {string} */
            category: "counterterrorism" | "violence" | "political_process" | "human_rights" | "women" | "prisoners" | "governance" | "other";
            /** @enum {string} */
            kind: "prohibition" | "obligation";
            due?: string | null;
            text: string;
            depends_on?: string[];
        } & {
            [key: string]: unknown;
        };
        CommitmentResult: {
            id: string;
            /** @enum {string} */
            status: "broken" | "blocked" | "kept" | "partly_kept" | "at_risk" | "unverified" | "not_yet_made";
            confidence: ("high" | "moderate" | "low") | null;
            support: number;
            contradiction: number;
            evidence: components["schemas"]["EvidenceEntry"][];
            not_counting: components["schemas"]["NotCountingEntry"][];
            /** @enum {string} */
            kind: "prohibition" | "obligation";
            made: string;
            due: string | null;
            blocked_by?: string[];
            /** @enum {string} */
            rule_id: "not_yet_made" | "broken" | "blocked" | "missed" | "kept" | "partly_kept" | "at_risk" | "unverified";
            rule: string;
            confidence_reason: string | null;
            explanation: string;
        };
        /** @description What the engaging states require */
        Condition: {
            id: string;
            set_by: string[];
            /** @enum {string} */
            category: "counterterrorism" | "violence" | "political_process" | "human_rights" | "women" | "prisoners" | "governance" | "other";
            text: string;
            requires: string[];
            set?: string;
        } & {
            [key: string]: unknown;
        };
        ConditionPartResult: {
            id: string;
            /** @enum {string} */
            kind: "commitment" | "own_evidence";
            /** @enum {string} */
            status: "broken" | "blocked" | "kept" | "partly_kept" | "at_risk" | "unverified" | "not_yet_made";
            confidence: ("high" | "moderate" | "low") | null;
            support: number;
            contradiction: number;
            rule: string;
        };
        ConditionResult: {
            id: string;
            /** @enum {string} */
            status: "met" | "not_met" | "partly_met" | "unknown" | "not_yet_set";
            /** @enum {string} */
            confidence: "high" | "moderate" | "low";
            parts: components["schemas"]["ConditionPartResult"][];
            evidence: components["schemas"]["EvidenceEntry"][];
            not_counting: components["schemas"]["NotCountingEntry"][];
            /** @enum {string} */
            rule_id: "met" | "not_met" | "partly_met" | "unknown" | "not_yet_set" | "no_parts" | "at_risk";
            rule: string;
            explanation: string;
        };
        /** @description Headline findings, the scorecard of conditions × leverage, each party's position per condition, and the review's warnings */
        Dashboard: {
            case: {
                id: string;
                title: string;
                subject: string;
                marking: string;
                period: ({
                    start: string;
                    end?: string | null;
                } & {
                    [key: string]: unknown;
                }) | null;
            };
            as_of: string;
            summary: components["schemas"]["AssessmentSummary"];
            headlines: {
                broken_commitments: {
                    id: string;
                    text: string;
                    confidence: string | null;
                    rule: string;
                }[];
                unmet_conditions: {
                    id: string;
                    text: string;
                    confidence: string;
                    rule: string;
                }[];
                released_against_conditions: {
                    leverage: string;
                    action: string;
                    date: string;
                    unmet: string[];
                }[];
                claims_contradicted_when_made: {
                    id: string;
                    by: string;
                    made: string;
                    text: string;
                    explanation: string;
                }[];
            };
            scorecard: {
                conditions: {
                    id: string;
                    text: string;
                    status: string;
                    confidence: string;
                }[];
                leverage: {
                    id: string;
                    text: string;
                    held_by: string;
                    recommendation: string;
                    gated_by: string[];
                    flagged: boolean;
                }[];
            };
            coalition: {
                condition: string;
                positions: {
                    party: string;
                    stance: string;
                }[];
                divergent: boolean;
            }[];
            /** @description the review's analytic-integrity warnings at the same date */
            review: components["schemas"]["ReviewWarning"][];
            /** @description the most items each list gives (the first, unmet, flagged or divergent ones kept first) */
            limit: number;
            /** @description how many items each list holds in full: a list whose total exceeds `limit` was cut; the assessment, review and index pages give them all */
            totals: {
                broken_commitments: number;
                unmet_conditions: number;
                released_against_conditions: number;
                claims_contradicted_when_made: number;
                conditions: number;
                leverage: number;
                coalition: number;
                divergent_conditions: number;
                review: number;
            };
        };
        /** @description Every decision on a match in the case, oldest first */
        DecisionHistory: {
            case: string;
            decisions: components["schemas"]["ScreeningDecision"][];
        };
        /** @description One evidence item (newest version) */
        Evidence: {
            id: string;
            source: string;
            observed: {
                from: string;
                to?: string | null;
            } & {
                [key: string]: unknown;
            };
            recorded?: string;
            location?: {
                country?: string;
                admin1?: string;
                admin2?: string;
            } & {
                [key: string]: unknown;
            };
            /** @enum {number} */
            credibility: 1 | 2 | 3 | 4 | 5 | 6;
            reliability?: ("A" | "B" | "C" | "D" | "E" | "F") | null;
            summary: string;
            bears_on: ({
                target: string;
                /** @enum {string} */
                stance: "supports" | "contradicts" | "context";
                /** @enum {string} */
                strength: "strong" | "moderate" | "weak";
            } & {
                [key: string]: unknown;
            })[];
            supersedes?: string | null;
            retracted?: ({
                date: string;
                reason: string;
                recorded?: string;
            } & {
                [key: string]: unknown;
            }) | null;
        } & {
            [key: string]: unknown;
        };
        /** @description If-Match did not match: the problem, with the version stored now */
        EvidenceConflict: {
            /** @description always about:blank: the status and title say what kind of problem it is */
            type: string;
            /** @description the HTTP status in words, e.g. Not Found */
            title: string;
            status: number;
            /** @description what was wrong, in words meant for the user */
            detail: string;
            /** @description validation failures: each field at fault */
            errors?: components["schemas"]["FieldError"][];
            /** @description the version stored now and its ETag: send that ETag as If-Match to overwrite it */
            current?: {
                etag: string;
                value: components["schemas"]["Evidence"];
            };
        };
        /** @description An evidence item counted in a judgement */
        EvidenceEntry: {
            id: string;
            source: string;
            /** @enum {string} */
            stance: "supports" | "contradicts" | "context";
            /** @enum {string} */
            strength: "strong" | "moderate" | "weak";
            /** @description reliability letter and credibility digit, e.g. B2 */
            grade: string;
            /** @description strength × reliability × credibility; 0 for context links */
            weight: number;
            /** @description the object the link bears on, when a list spans several */
            target?: string;
            /** @description sources of one origin bearing the same way count once: whether this one carries the weight, and the others */
            group?: {
                origin: string;
                counted: boolean;
                with: string[];
            };
        };
        /** @description One stored version of an evidence item */
        EvidenceVersion: {
            id: string;
            version: number;
            stored_at: string;
            stored_by: string;
            digest: string;
            item: components["schemas"]["Evidence"];
        };
        /** @description One field at fault */
        FieldError: {
            /** @description where the problem is: body.date, querystring.as_of, a key path of the case */
            field: string;
            message: string;
        };
        /** @description A set of competing hypotheses with its ACH ratings */
        Hypothesis: {
            id: string;
            question: string;
            options: ({
                id: string;
                text: string;
            } & {
                [key: string]: unknown;
            })[];
            ratings: ({
                evidence: string;
                option: string;
                /** @enum {string} */
                rating: "CC" | "C" | "N" | "I" | "II" | "NA";
            } & {
                [key: string]: unknown;
            })[];
        } & {
            [key: string]: unknown;
        };
        /** @description An import running or finished on this server */
        ImportJob: {
            id: string;
            kind: string;
            file_name: string;
            started_by: string;
            started_at: string;
            finished_at: string | null;
            /** @enum {string} */
            status: "running" | "done" | "failed";
            /** @description bytes or records */
            progress: {
                done: number;
                total: number;
            };
            /** @description when done */
            summary: components["schemas"]["ImportSummary"] | null;
            /** @description why it failed */
            error: string | null;
        };
        /** @description What an import read, stored and rejected */
        ImportSummary: {
            kind: string;
            files: string[];
            read: number;
            inserted: number;
            updated: number;
            unchanged: number;
            rejected: number;
            /** @description the first rejected records (the command line lists them all) */
            rejects: {
                file: string;
                line: number;
                reason: string;
            }[];
            /** @description event files: rows left out by the country filter */
            skipped?: number;
            /** @description event files: the dataset version */
            version?: string | null;
            sha256?: string;
            import_id?: number | null;
            /** @description sanctions lists: the cases re-screened because a new list version was stored, with what changed */
            rescreened?: {
                case: string;
                new: number;
                gone: number;
                changed: number;
            }[];
        };
        /** @description An event-data indicator */
        Indicator: {
            id: string;
            /** @enum {string} */
            dataset: "ucdp-ged" | "acled";
            filter: {
                country?: string;
                actors_any?: string[];
                violence_types?: number[];
                event_types?: string[];
                admin1?: string[];
            } & {
                [key: string]: unknown;
            };
            /** @enum {string} */
            measure: "events" | "fatalities" | "civilian_fatalities";
            /** @enum {string} */
            period: "week" | "month";
        } & {
            [key: string]: unknown;
        };
        /** @description One indicator, zero-filled per period */
        IndicatorSeries: {
            id: string;
            /** @enum {string} */
            dataset: "ucdp-ged" | "acled";
            /** @enum {string} */
            measure: "events" | "fatalities" | "civilian_fatalities";
            /** @enum {string} */
            period: "week" | "month";
            /** @description null, with a note, when there is no data */
            from: string | null;
            to: string | null;
            /** @description the days the dataset covers: a zero outside them is not an observation */
            coverage: {
                from: string;
                to: string;
            } | null;
            /** @description period labels, e.g. 2021-08 or 2021-W33 */
            periods: string[];
            /** @description the first day of each period */
            starts: string[];
            values: number[];
            total: number;
            breakdowns?: {
                actor?: {
                    key: string;
                    label: string;
                    values: number[];
                }[];
                violence_type?: {
                    key: string;
                    label: string;
                    values: number[];
                }[];
                province?: {
                    key: string;
                    label: string;
                    values: number[];
                }[];
            };
            note?: string;
            /** @description what the imported files cannot support */
            caveats?: string[];
        };
        /** @description Every indicator series of the case, as `deeds indicators --json` */
        IndicatorsResponse: {
            case: string;
            as_of: string;
            indicators: components["schemas"]["IndicatorSeries"][];
        };
        /** @description An evidence item as the ledger lists it */
        LedgerItem: {
            id: string;
            source: string;
            observed: {
                from: string;
                to?: string | null;
            } & {
                [key: string]: unknown;
            };
            /** @description when it was recorded: its own date, else its source's */
            recorded: string;
            location?: {
                country?: string;
                admin1?: string;
                admin2?: string;
            } & {
                [key: string]: unknown;
            };
            /** @enum {number} */
            credibility: 1 | 2 | 3 | 4 | 5 | 6;
            reliability?: ("A" | "B" | "C" | "D" | "E" | "F") | null;
            summary: string;
            bears_on: ({
                target: string;
                /** @enum {string} */
                stance: "supports" | "contradicts" | "context";
                /** @enum {string} */
                strength: "strong" | "moderate" | "weak";
            } & {
                [key: string]: unknown;
            })[];
            supersedes?: string | null;
            retracted?: ({
                date: string;
                reason: string;
                recorded?: string;
            } & {
                [key: string]: unknown;
            }) | null;
            /** @description reliability letter and credibility digit, e.g. B2 */
            grade: string;
        } & {
            [key: string]: unknown;
        };
        /** @description One page of the evidence ledger */
        LedgerPage: {
            items: components["schemas"]["LedgerItem"][];
            total: number;
            page: number;
            per_page: number;
        };
        /** @description An instrument held, gated by conditions, with its decisions */
        Leverage: {
            id: string;
            held_by: string;
            /** @enum {string} */
            kind: "recognition" | "sanctions_relief" | "asset_release" | "aid" | "travel_exemption" | "talks" | "prisoner_release" | "other";
            text: string;
            amount?: {
                value: number;
                currency: string;
            } & {
                [key: string]: unknown;
            };
            gated_by: string[];
            review?: string | null;
            decisions: ({
                date: string;
                /** @enum {string} */
                action: "released" | "partly_released" | "withheld" | "renewed" | "revoked";
                text?: string;
                source?: string;
            } & {
                [key: string]: unknown;
            })[];
        } & {
            [key: string]: unknown;
        };
        LeverageResult: {
            id: string;
            /** @enum {string} */
            recommendation: "withhold" | "release" | "review";
            confidence: ("high" | "moderate" | "low") | null;
            gated_by: {
                id: string;
                /** @enum {string} */
                status: "met" | "not_met" | "partly_met" | "unknown" | "not_yet_set";
            }[];
            unmet: string[];
            flags: components["schemas"]["ReleaseFlag"][];
            review: string | null;
            /** @enum {string} */
            rule_id: "withhold" | "release" | "review" | "no_gates" | "not_yet_set";
            rule: string;
            explanation: string;
        };
        /** @description What the list says about the entry, to decide on a match */
        ListingDetails: {
            name: string;
            birth: {
                date?: string;
                from_year?: number;
                to_year?: number;
                approx?: boolean;
            }[];
            /** @description ISO 3166-1 alpha-2 codes */
            nationality: string[];
            programs: string[];
            listed_on?: string;
            remarks?: string;
        };
        /** @description What loading a case file changed */
        LoadSummary: {
            case: string;
            created: boolean;
            inserted: number;
            updated: number;
            unchanged: number;
            /** @description evidence items whose text changed: a new version was added and the old one kept */
            new_versions: number;
            audit_seq: number;
        };
        Me: {
            user: components["schemas"]["User"];
            is_admin: boolean;
            /** @description case id → your role on it */
            roles: {
                [key: string]: string;
            };
            /** @description whether you may create a case on this server */
            can_create_cases: boolean;
            csrf_token?: string;
        };
        NewApiToken: {
            id: string;
            name: string;
            /** @enum {string} */
            scope: "read" | "write";
            created_at: string;
            revoked_at: string | null;
            /** @description the secret, shown this once */
            token: string;
        };
        /** @description An item known at the date that does not count, and why */
        NotCountingEntry: {
            id: string;
            /** @enum {string} */
            stance: "supports" | "contradicts" | "context";
            reason: string;
        };
        /** @description If-Match did not match: the problem, with the version stored now */
        ObjectConflict: {
            /** @description always about:blank: the status and title say what kind of problem it is */
            type: string;
            /** @description the HTTP status in words, e.g. Not Found */
            title: string;
            status: number;
            /** @description what was wrong, in words meant for the user */
            detail: string;
            /** @description validation failures: each field at fault */
            errors?: components["schemas"]["FieldError"][];
            /** @description the version stored now and its ETag: send that ETag as If-Match to overwrite it */
            current?: {
                etag: string;
                value: components["schemas"]["CaseObject"];
            };
        };
        /** @description One page of a list's objects */
        ObjectPage: {
            items: components["schemas"]["CaseObject"][];
            total: number;
            page: number;
            per_page: number;
        };
        /** @description Where a party stands on a condition */
        Position: {
            id?: string;
            party: string;
            condition: string;
            /** @enum {string} */
            stance: "requires" | "supports" | "neutral" | "opposes";
            source?: string;
            note?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description An error, as application/problem+json (RFC 9457) */
        Problem: {
            /** @description always about:blank: the status and title say what kind of problem it is */
            type: string;
            /** @description the HTTP status in words, e.g. Not Found */
            title: string;
            status: number;
            /** @description what was wrong, in words meant for the user */
            detail: string;
            /** @description validation failures: each field at fault */
            errors?: components["schemas"]["FieldError"][];
        };
        /** @description A link between two actors (offices with since and until) */
        Relationship: {
            id: string;
            from: string;
            to: string;
            /** @enum {string} */
            type: "member_of" | "leads" | "allied_with" | "supports" | "hosts" | "opposes" | "holds_office";
            role?: string;
            since?: string | null;
            until?: string | null;
            source?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description A release decided while gating conditions were not met */
        ReleaseFlag: {
            /** @constant */
            kind: "released_against_conditions";
            date: string;
            /** @enum {string} */
            action: "released" | "partly_released" | "renewed";
            unmet: string[];
            conditions: {
                id: string;
                /** @enum {string} */
                status: "met" | "not_met" | "partly_met" | "unknown" | "not_yet_set";
            }[];
        };
        /** @description Analytic-integrity warnings at a date, as `deeds review --json` */
        Review: {
            case: string;
            as_of: string;
            known_at?: string;
            warnings: components["schemas"]["ReviewWarning"][];
        };
        ReviewMatch: {
            person: string;
            person_name: string;
            list: string;
            ref: string;
            score: number;
            strong: boolean | null;
            /** @description the listed entry's main name */
            name: string;
            /** @description the listed name that matched */
            matched_name: string;
            /** @description the person's name or alias that matched; null in runs stored before 0.1.3 */
            query_name: string | null;
            /** @description how the matcher scored it; null in runs stored before 0.1.3 */
            explanation: string | null;
            /** @description null when the list version the run used no longer holds the entry */
            listing: components["schemas"]["ListingDetails"] | null;
            /** @enum {string} */
            state: "undecided" | "confirmed" | "false_positive";
            decision: {
                decision: string;
                reason: string;
                actor: string;
                decided_at: string;
            } | null;
        };
        /** @description An analytic-integrity warning */
        ReviewWarning: {
            /** @enum {string} */
            kind: "single_source" | "derived_sources" | "low_grade_only" | "stale" | "pre_commitment_evidence" | "backdated_retraction" | "recorded_before_observed" | "claim_self_sourced";
            object: string;
            detail: string;
        };
        /** @description A decision on a match; the newest per person, list and reference is in force */
        ScreeningDecision: {
            seq: number;
            case_id: string;
            person_id: string;
            list: string;
            ref: string;
            /** @description confirmed or false_positive */
            decision: string;
            reason: string;
            actor: string;
            decided_at: string;
        };
        ScreeningReview: {
            case: string;
            run: {
                id: string;
                screened_at: string;
                screened_by: string;
                versions: {
                    [key: string]: string;
                };
            } | null;
            state: ("undecided" | "confirmed" | "false_positive") | null;
            /** @description matches in this state (all states when none was asked for) */
            total: number;
            counts: {
                undecided: number;
                confirmed: number;
                false_positive: number;
            };
            limit: number;
            offset: number;
            matches: components["schemas"]["ReviewMatch"][];
        };
        /** @description A listed entry that matches a screened name */
        ScreenMatch: {
            list: string;
            ref: string;
            /** @description the listed entry's main name */
            name: string;
            /** @description the listed name or alias that matched */
            matched_name: string;
            score: number;
            explanation: string;
            strong: boolean;
            /** @description the name of the query that produced the match (a person's alias, say) */
            query_name: string;
            version?: string;
            decision?: {
                decision: string;
                reason: string;
                actor: string;
                decided_at: string;
            };
        };
        /** @description Names screened against the newest lists, as `deeds screen --json` */
        ScreenResponse: {
            /** @description list → the version screened against */
            versions: {
                [key: string]: string;
            };
            lists?: string[];
            results: components["schemas"]["ScreenResult"][];
        };
        /** @description The matches of one screened name or person */
        ScreenResult: {
            query: string;
            person?: string;
            matches: components["schemas"]["ScreenMatch"][];
            /** @description a case person's own sanctions_refs, and whether the newest lists hold them */
            declared_refs?: {
                ref: string;
                list?: string;
                listed: boolean;
                name?: string;
            }[];
            /** @description what changed since the case's previous screening */
            changes?: {
                since: string;
                versions_then: {
                    [key: string]: string;
                };
                added: {
                    list: string;
                    ref: string;
                    score: number;
                }[];
                removed: {
                    list: string;
                    ref: string;
                    score: number;
                }[];
                rescored: {
                    list: string;
                    ref: string;
                    before: number;
                    after: number;
                }[];
            };
        };
        SessionResponse: {
            user: components["schemas"]["User"];
            csrf_token: string;
        };
        /** @description The assessment settings a result was computed with: the defaults with the case's `assessment:` block laid over them */
        Settings: {
            strength: {
                strong: number;
                moderate: number;
                weak: number;
            };
            reliability: {
                A: number;
                B: number;
                C: number;
                D: number;
                E: number;
                F: number;
            };
            credibility: {
                [key: string]: number;
            };
            thresholds: {
                broken: number;
                kept: number;
                kept_ratio: number;
                high_mass: number;
                high_sources: number;
                moderate_mass: number;
            };
            review: {
                stale_months: number;
                backdated_days: number;
            };
        };
        /** @description If-Match did not match: the problem, with the version stored now */
        SettingsConflict: {
            /** @description always about:blank: the status and title say what kind of problem it is */
            type: string;
            /** @description the HTTP status in words, e.g. Not Found */
            title: string;
            status: number;
            /** @description what was wrong, in words meant for the user */
            detail: string;
            /** @description validation failures: each field at fault */
            errors?: components["schemas"]["FieldError"][];
            /** @description the version stored now and its ETag: send that ETag as If-Match to overwrite it */
            current?: {
                etag: string;
                value: components["schemas"]["CaseSettings"];
            };
        };
        /** @description Where evidence and commitments come from, with its reliability */
        Source: {
            id: string;
            /** @enum {string} */
            kind: "agreement" | "statement" | "report" | "dataset" | "news" | "article" | "testimony" | "other";
            title: string;
            publisher?: string;
            reference?: string;
            date: string;
            /** Format: uri */
            url?: string;
            /** @enum {string} */
            reliability: "A" | "B" | "C" | "D" | "E" | "F";
            derived_from?: string[];
        } & {
            [key: string]: unknown;
        };
        /** @description The case's last stored screening and the decisions in force */
        StoredScreening: {
            case: string;
            last: {
                screened_at: string;
                screened_by: string;
                versions: {
                    [key: string]: string;
                };
                /** @description person id → the matches stored for them */
                matches: {
                    [key: string]: {
                        list: string;
                        ref: string;
                        score: number;
                        matched_name: string;
                        name?: string;
                        explanation?: string;
                        strong?: boolean;
                        query_name?: string;
                        listing?: {
                            name: string;
                            birth: {
                                date?: string;
                                from_year?: number;
                                to_year?: number;
                                approx?: boolean;
                            }[];
                            nationality: string[];
                            programs: string[];
                            listed_on?: string;
                            remarks?: string;
                        };
                    }[];
                };
            } | null;
            /** @description the decisions in force */
            decisions: components["schemas"]["ScreeningDecision"][];
        };
        /** @description One object's status over time, as `deeds timeline --json` */
        Timeline: {
            case: string;
            object: {
                id: string;
                /** @enum {string} */
                kind: "commitment" | "condition" | "leverage" | "claim";
            };
            from: string;
            to: string;
            /** @enum {string} */
            step: "week" | "month";
            known_at?: string;
            points: {
                date: string;
                status: string;
                confidence: ("high" | "moderate" | "low") | null;
                support?: number;
                contradiction?: number;
            }[];
            changes: components["schemas"]["TimelineChange"][];
            /** @description leverage only */
            decisions?: {
                date: string;
                action: string;
                recommendation: string;
                against_conditions: boolean;
            }[];
            settings: components["schemas"]["Settings"];
            settings_from_case: string[];
        };
        TimelineChange: {
            date: string;
            from: string;
            to: string;
            confidence: ("high" | "moderate" | "low") | null;
            rule: string;
            entered: components["schemas"]["EvidenceEntry"][];
            left: components["schemas"]["EvidenceEntry"][];
            events: string[];
        };
        /** @description A rule that raises an alert */
        Tripwire: {
            id: string;
            /** @enum {string} */
            kind: "rise_over_baseline" | "zscore" | "review_due" | "sanctioned_officeholder" | "new_sanctions_match";
            indicator?: string;
            leverage?: string;
            baseline?: {
                from: string;
                to?: string | null;
            } & {
                [key: string]: unknown;
            };
            active?: {
                from: string;
                to?: string | null;
            } & {
                [key: string]: unknown;
            };
            factor?: number;
            min_value?: number;
            k?: number;
            window?: number;
            within_days?: number;
            advice?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description A user account */
        User: {
            id: string;
            username: string;
            is_admin: boolean;
        };
        UserListing: {
            id: string;
            username: string;
            is_admin: boolean;
            created_at: string;
            /** @description when an admin disabled the user; null while the user may sign in */
            disabled_at: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
