import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { profileDetail, profileParams, profileSearchQuery, profileSearchResult, profileSuggestionList, profileSuggestionsQuery } from '@kringbouw/contracts';
import { errorResponses } from '../../http/route-schemas.ts';
import type { ProfilesService } from './profiles.service.ts';

/** Read-only profile library for signed-in users (the picker of the mapping and the passport editor). */
export function registerProfileRoutes(app: FastifyInstance, deps: { profiles: ProfilesService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = deps.profiles;
  const tags = ['profiles'];

  r.get('/api/profiles', {
    schema: { tags, summary: 'Search environmental profiles by words in id, Dutch/English/German name or category; optional declared unit', querystring: profileSearchQuery, response: { 200: profileSearchResult, ...errorResponses(400, 401) } },
    handler: async (request) => service.search(request.query),
  });

  r.get('/api/profiles/suggestions', {
    schema: { tags, summary: "The engine's ranked profile suggestions for a material name (Dutch, English or German synonyms)", querystring: profileSuggestionsQuery, response: { 200: profileSuggestionList, ...errorResponses(400, 401) } },
    handler: async (request) => service.suggestions(request.query.name, request.query.limit),
  });

  r.get('/api/profiles/:profileId', {
    schema: { tags, summary: 'One profile: declared unit, modules, source, release, verification, GWP per module', params: profileParams, response: { 200: profileDetail, ...errorResponses(400, 401, 404) } },
    handler: async (request) => service.detail(request.params.profileId),
  });
}
