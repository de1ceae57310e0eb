import type { Manifest } from '../../src/generate/graph';

/**
 * One or more GraphQL operations per root query field, over ids picked from the generated graph
 * (its manifest): hubs (tens of thousands of events), non-hubs, random people, common surnames.
 * The scale bench times them; the scale plan test EXPLAINs the Cypher they send.
 */
export interface Operation {
  /** The root field it exercises. */
  field: string;
  name: string;
  graphql: string;
}

const EVENT_PAGE = '{ totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id kind date summary } } }';
/** A page read backward, with the far side (hasNextPage after `before`) asked for. */
const BACKWARD_PAGE = '{ pageInfo { hasPreviousPage hasNextPage startCursor } edges { cursor node { id kind date } } }';
const json = JSON.stringify;
/** An events cursor at a sortKey ("2024": after every event dated only to 2024's start; "~": before the undated). */
const cursor = (sortKey: string) => Buffer.from(`event:${JSON.stringify([sortKey])}`).toString('base64url');
/** An entities cursor of an order at a sort key (name key, padded degree or date, then an id). */
const entityCursor = (order: string, sortKey: string) =>
  Buffer.from(`entity:${order}:${JSON.stringify([sortKey])}`).toString('base64url');
/** A source-facts cursor at a fact id. */
const factCursor = (factId: string) => Buffer.from(`sourceFacts:${JSON.stringify([factId])}`).toString('base64url');
/** An entity page read backward, with the far side (hasNextPage after `before`) asked for. */
const ENTITY_BACKWARD =
  '{ pageInfo { hasPreviousPage hasNextPage startCursor } stoppedAtBound edges { node { id name } } }';

export function rootOperations(m: Manifest): Operation[] {
  const [hub] = m.hubs;
  const nonHub = m.nonHubs[0] ?? m.hubs[m.hubs.length - 1]!;
  const [personA, personB] = m.people;
  const op = (field: string, name: string, graphql: string): Operation => ({ field, name, graphql });
  return [
    op('entity', 'entity hub', `{ entity(id: ${json(hub)}) { id name names label description } }`),
    op('entity', 'entity non-hub', `{ entity(id: ${json(nonHub)}) { id name names label description } }`),
    op(
      'entities',
      'entities by name ×100, totalCount',
      '{ entities(first: 100) { totalCount edges { node { id name } } } }',
    ),
    op(
      'entities',
      'entities Organization by degree ×100',
      '{ entities(type: Organization, orderBy: DEGREE, first: 100) { edges { node { id name degree } } } }',
    ),
    op(
      'entities',
      'entities AI_STARTUP by latest event, totalCount',
      '{ entities(type: Organization, category: AI_STARTUP, orderBy: LATEST_EVENT, first: 50) { totalCount edges { node { id name latestEvent } } } }',
    ),
    op(
      'entities',
      'entities prefix 陳 by name',
      '{ entities(namePrefix: "陳", first: 50) { edges { node { id name } } } }',
    ),
    op(
      'entities',
      'entities prefix 陳 by degree',
      '{ entities(namePrefix: "陳", orderBy: DEGREE, first: 50) { edges { node { id name degree } } } }',
    ),
    op(
      'entities',
      'entities with an ACQUISITION in 2024, totalCount',
      '{ entities(hasEventOf: [ACQUISITION], eventsFrom: "2024", eventsTo: "2024", first: 50) { totalCount edges { node { id name } } } }',
    ),
    op(
      'entities',
      'entities Person with a talent move, by degree',
      '{ entities(type: Person, hasEventOf: [TALENT_MOVE], orderBy: DEGREE, first: 50) { edges { node { id name } } } }',
    ),
    op('entities', 'entities by name, last 50 (backward from the end)', `{ entities(last: 50) ${ENTITY_BACKWARD} }`),
    op(
      'entities',
      'entities by degree, last 50 before a cursor',
      `{ entities(orderBy: DEGREE, last: 50, before: ${json(entityCursor('DEGREE', '0000000003 z'))}) ${ENTITY_BACKWARD} }`,
    ),
    op(
      'entities',
      'entities AI_STARTUP by latest event, backward, totalCount',
      `{ entities(type: Organization, category: AI_STARTUP, orderBy: LATEST_EVENT, last: 50, before: ${json(entityCursor('LATEST_EVENT', '2024 '))}) { totalCount ${ENTITY_BACKWARD.slice(1)} }`,
    ),
    op(
      'entities',
      'entities prefix 陳 by name, backward',
      `{ entities(namePrefix: "陳", last: 50, before: ${json(entityCursor('NAME', '陈z '))}) ${ENTITY_BACKWARD} }`,
    ),
    op(
      'entities',
      'entities prefix 陳 by degree, backward',
      '{ entities(namePrefix: "陳", orderBy: DEGREE, last: 50) { totalCount pageInfo { hasPreviousPage } edges { node { id } } } }',
    ),
    op(
      'entities',
      'entities with an ACQUISITION in 2024, backward',
      `{ entities(hasEventOf: [ACQUISITION], eventsFrom: "2024", eventsTo: "2024", last: 50) ${ENTITY_BACKWARD} }`,
    ),
    op(
      'entities',
      'entities BIG_TECH with a STATEMENT (a sparse walk), totalCount',
      '{ entities(category: BIG_TECH, hasEventOf: [STATEMENT], first: 20) { totalCount totalCountExact stoppedAtBound pageInfo { hasPreviousPage hasNextPage } edges { node { id } } } }',
    ),
    op('entitiesByName', 'entitiesByName person', `{ entitiesByName(name: ${json(m.names[0])}) { id name } }`),
    op('search', 'search 1 char 陳', '{ search(text: "陳", limit: 10) { id name names } }'),
    op('search', 'search 1 char 杨', '{ search(text: "杨", limit: 10) { id name names } }'),
    op(
      'search',
      'search prefix (2 chars)',
      `{ search(text: ${json(m.names[1]!.slice(0, 2))}, limit: 10) { id name } }`,
    ),
    op('search', 'search full name', `{ search(text: ${json(m.names[2])}, limit: 10) { id name } }`),
    op('search', 'search English prefix', `{ search(text: "Chen", limit: 10) { id name } }`),
    op('events', 'events kind ACQUISITION first 20', `{ events(kinds: [ACQUISITION], first: 20) ${EVENT_PAGE} }`),
    op('events', 'events involving hub first 20', `{ events(involving: ${json(hub)}, first: 20) ${EVENT_PAGE} }`),
    op(
      'events',
      'events involving non-hub first 20',
      `{ events(involving: ${json(nonHub)}, first: 20) ${EVENT_PAGE} }`,
    ),
    op(
      'events',
      'events 2024-01..2024-03 first 20',
      `{ events(from: "2024-01", to: "2024-03", first: 20) ${EVENT_PAGE} }`,
    ),
    op('node', 'node of an entity', `{ node(id: ${json(hub)}) { id ... on Entity { name } } }`),
    op('node', 'node of an event', `{ node(id: ${json(m.events[0])}) { id ... on Event { kind date } } }`),
    op(
      'event',
      'event by id',
      `{ event(id: ${json(m.events[0])}) { id kind date summary participants { role entity { id name } } } }`,
    ),
    op('events', 'events all totalCount', `{ events(first: 20) ${EVENT_PAGE} }`),
    op('timeline', 'timeline non-hub', `{ timeline(entity: ${json(nonHub)}, first: 20) ${EVENT_PAGE} }`),
    op('timeline', 'timeline hub', `{ timeline(entity: ${json(hub)}, first: 20) ${EVENT_PAGE} }`),
    op(
      'timeline',
      'timeline hub, last 20 before a cursor',
      `{ timeline(entity: ${json(hub)}, last: 20, before: ${json(cursor('~'))}) ${BACKWARD_PAGE} }`,
    ),
    op('events', 'events kind ACQUISITION last 20', `{ events(kinds: [ACQUISITION], last: 20) ${BACKWARD_PAGE} }`),
    op(
      'events',
      'events after a cursor, hasPreviousPage',
      `{ events(first: 20, after: ${json(cursor('2024'))}) { pageInfo { hasPreviousPage } edges { node { id } } } }`,
    ),
    op('talentMoves', 'talentMoves to hub', `{ talentMoves(to: ${json(hub)}, first: 20) ${EVENT_PAGE} }`),
    op('talentMoves', 'talentMoves by person', `{ talentMoves(mover: ${json(personA)}) ${EVENT_PAGE} }`),
    op('acquisitions', 'acquisitions by hub', `{ acquisitions(acquirer: ${json(hub)}, first: 20) ${EVENT_PAGE} }`),
    op(
      'entity',
      'entity page hub (nested lists)',
      `{ entity(id: ${json(hub)}) { id name ... on Organization { relationshipsTruncated people { id } investors { id }
      acquisitions { totalCount edges { node { id } } } talentIn { totalCount totalCountExact pageInfo { hasNextPage endCursor } edges { node { id } } }
      talentOut(first: 10, after: ${json(cursor('2024'))}) { edges { node { id } } }
      events(first: 20) { totalCount edges { node { id kind } } } mentions { quote } mentionsTruncated } } }`,
    ),
    op(
      'changes',
      'changes, the log from its start',
      '{ changes(first: 20) { edges { cursor node { operation targetId } } pageInfo { hasNextPage endCursor } } }',
    ),
    op(
      'changes',
      'changes of a hub and of events',
      `{ a: changes(first: 20, targets: [${json(hub)}]) { edges { cursor } } b: changes(first: 20, kinds: [EVENT]) { edges { cursor } } }`,
    ),
    op(
      'entity',
      'entity page hub, nested lists backward (last/before, far sides)',
      `{ entity(id: ${json(hub)}) { id ... on Organization {
      acquisitions(last: 20) ${BACKWARD_PAGE} talentIn(last: 10, before: ${json(cursor('2024'))}) ${BACKWARD_PAGE}
      talentOut(first: 10, after: ${json(cursor('2024'))}) { pageInfo { hasPreviousPage hasNextPage } edges { node { id } } }
      acquiredBy(last: 5, before: ${json(cursor('~'))}) ${BACKWARD_PAGE}
      all: events(last: 20, before: ${json(cursor('2024'))}) ${BACKWARD_PAGE} some: events(last: 20, kinds: [ACQUISITION, TALENT_MOVE]) ${BACKWARD_PAGE} } } }`,
    ),
    op(
      'entity',
      'entity person moves backward',
      `{ entity(id: ${json(personA)}) { id ... on Person { moves(last: 5, before: ${json(cursor('~'))}) ${BACKWARD_PAGE} } } }`,
    ),
    op('history', 'history of a hub', `{ history(id: ${json(hub)}) { action at principal } }`),
    op(
      'centrality',
      'centrality of acquisitions',
      '{ centrality(kinds: [ACQUISITION], limit: 10) { entity { id } score } }',
    ),
    op('sources', 'sources', '{ sources { id title } }'),
    op(
      'source',
      'source facts, a page',
      '{ source(id: "source/generated/00000") { id facts(first: 20) { pageInfo { hasNextPage endCursor } edges { node { factId kind citations { quote offset } } } } } }',
    ),
    op(
      'source',
      'source facts, last 20 before a cursor',
      `{ source(id: "source/generated/00000") { id facts(last: 20, before: ${json(factCursor('m'))}) { pageInfo { hasPreviousPage hasNextPage startCursor } edges { node { factId kind } } } } }`,
    ),
    op(
      'source',
      'source facts after a cursor, hasPreviousPage',
      `{ source(id: "source/generated/00000") { id facts(first: 20, after: ${json(factCursor('m'))}) { pageInfo { hasPreviousPage hasNextPage } edges { node { factId } } } } }`,
    ),
    op(
      'similarEvents',
      'similarEvents for a hub acquisition',
      `{ similarEvents(input: { kind: ACQUISITION, date: "2024", participants: [{ role: "acquirer", entity: ${json(hub)} }, { role: "target", entity: ${json(nonHub)} }] }) { id } }`,
    ),
    op(
      'shortestPath',
      'shortestPath random people',
      `{ shortestPath(from: ${json(personA)}, to: ${json(personB)}) { length nodes { nodeId } edges { edgeId type } } }`,
    ),
    op(
      'neighborhood',
      'neighborhood hub depth 2 limit 500',
      `{ neighborhood(id: ${json(hub)}, depth: 2, limit: 500) { nodes { nodeId label node { id } } edges { edgeId type } } }`,
    ),
    op(
      'graph',
      'graph seeds hub depth 1 limit 500',
      `{ graph(seeds: [${json(hub)}], depth: 1, limit: 500) { totalNodes truncated nodes { nodeId } edges { edgeId } } }`,
    ),
    op(
      'graph',
      'graph ACQUISITION 2024 limit 500',
      '{ graph(kinds: [ACQUISITION], from: "2024-01", to: "2024-12", limit: 500) { totalNodes truncated nodes { nodeId } edges { edgeId } } }',
    ),
    op(
      'talentFlow',
      'talentFlow 2024',
      '{ talentFlow(from: "2024-01", to: "2024-12") { nodes { id } links { count } } }',
    ),
    op(
      'eventStats',
      'eventStats by kind and month',
      '{ eventStats { byKind { kind count } byPeriod { total undated periods { period precision count } } } }',
    ),
    op(
      'eventStats',
      'eventStats 2 kinds by year 2020..2024-06',
      '{ eventStats { byPeriod(by: YEAR, kinds: [ACQUISITION, TALENT_MOVE], from: "2020", to: "2024-06") { total periods { period count } } } }',
    ),
    op(
      'eventStats',
      'eventStats top 100 destinations',
      '{ eventStats { movesByDestination(limit: 100) { moves organization { id name } } } }',
    ),
    op('health', 'health', '{ health { status entities events } }'),
  ];
}

/** The operations with placeholder ids: their fields and names, known before any graph exists (test titles). */
export function operationList(): Operation[] {
  const placeholder = { hubs: ['?'], nonHubs: ['?'], people: ['?', '?'], names: ['??', '??', '??'], events: ['?'] };
  return rootOperations(placeholder as unknown as Manifest);
}
